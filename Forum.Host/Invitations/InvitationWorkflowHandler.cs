using Forum.Domain.Invitations;
using Forum.Host.Sessions.Scheduling;

namespace Forum.Host.Invitations;

/// <summary>
/// Turns what happened to a session into one mail message per invitee, and keeps its reminders planned. Each handler
/// reads the session as it is now, so messages that arrive late or twice still produce the right mails (the
/// deliveries are keyed, see <see cref="SendInvitationMail.DeliveryId"/>).
/// </summary>
public static class InvitationWorkflowHandler
{
    public static readonly (ReminderKind Kind, TimeSpan Before)[] Reminders = [(ReminderKind.DayBefore, TimeSpan.FromHours(24)), (ReminderKind.HourBefore, TimeSpan.FromHours(1))];

    public static async Task<OutgoingMessages> Handle(InvitationsIssued m, IDocumentSession session, TimeProvider clock)
    {
        var outgoing = new OutgoingMessages();
        if (await session.LoadAsync<SessionState>(m.SessionId) is not { Status: SessionStatus.Scheduled } s) return outgoing;
        foreach (var id in m.InvitationIds.Where(s.Invitations.ContainsKey))
            outgoing.Add(new SendInvitationMail(s.Id, id, InvitationMailKind.Invitation, s.Sequence, s.StartsAt));
        await PlanReminders(session, s, outgoing, clock.GetUtcNow());
        return outgoing;
    }

    /// <summary>Everyone invited gets the updated invitation (same UID, higher SEQUENCE), decliners too: they may reconsider.</summary>
    public static async Task<OutgoingMessages> Handle(SessionScheduleChanged m, IDocumentSession session, TimeProvider clock)
    {
        var outgoing = new OutgoingMessages();
        if (await session.LoadAsync<SessionState>(m.SessionId) is not { Status: SessionStatus.Scheduled } s) return outgoing;
        foreach (var id in s.Invitations.Keys)
            outgoing.Add(new SendInvitationMail(s.Id, id, InvitationMailKind.Update, s.Sequence, s.StartsAt));
        await PlanReminders(session, s, outgoing, clock.GetUtcNow());
        return outgoing;
    }

    /// <summary>Cancellations to everyone invited; the planned reminders find the session cancelled and do nothing.</summary>
    public static async Task<OutgoingMessages> Handle(SessionWasCancelled m, IQuerySession session)
    {
        var outgoing = new OutgoingMessages();
        if (await session.LoadAsync<SessionState>(m.SessionId) is not { Status: SessionStatus.Cancelled } s) return outgoing;
        foreach (var id in s.Invitations.Keys)
            outgoing.Add(new SendInvitationMail(s.Id, id, InvitationMailKind.Cancellation, s.Sequence, s.StartsAt));
        return outgoing;
    }

    /// <summary>A reminder planned for another start (rescheduled since) or for a session no longer scheduled does nothing.</summary>
    public static async Task<OutgoingMessages> Handle(SendReminders m, IQuerySession session)
    {
        var outgoing = new OutgoingMessages();
        if (await session.LoadAsync<SessionState>(m.SessionId) is not { Status: SessionStatus.Scheduled } s || s.StartsAt != m.StartsAt) return outgoing;
        var kind = m.Kind == ReminderKind.DayBefore ? InvitationMailKind.DayReminder : InvitationMailKind.HourReminder;
        foreach (var invitation in s.Invitations.Values.Where(i => i.Answer != RsvpAnswer.Decline))
            outgoing.Add(new SendInvitationMail(s.Id, invitation.InvitationId, kind, s.Sequence, m.StartsAt));
        return outgoing;
    }

    /// <summary>Durable scheduled messages at start − 24 h and start − 1 h, once per start time (those already past are skipped).</summary>
    private static async Task PlanReminders(IDocumentSession session, SessionState s, OutgoingMessages outgoing, DateTimeOffset now)
    {
        if (s.Invitations.IsEmpty) return;
        var plan = await session.LoadAsync<ReminderPlan>(s.Id);
        if (plan?.StartsAt == s.StartsAt) return;
        foreach (var (kind, before) in Reminders)
        {
            var at = s.StartsAt - before;
            if (at > now) outgoing.Add(new SendReminders(s.Id, kind, s.StartsAt).ScheduledAt(at));
        }
        session.Store(new ReminderPlan { Id = s.Id, StartsAt = s.StartsAt });
    }
}
