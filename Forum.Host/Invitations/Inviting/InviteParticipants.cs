using Forum.Domain.Invitations;

namespace Forum.Host.Invitations.Inviting;

public sealed record GuestRequest(string? Name, string? Email);
public sealed record InviteRequest(List<Guid>? MemberIds, bool? All, List<GuestRequest>? Guests);

public static class InviteParticipantsEndpoint
{
    /// <summary>
    /// 201 with the invitation ids when someone new is invited, 200 when everyone named already was (idempotent). One mail
    /// per new invitee, and reminders, follow once the invitations commit (InvitationsIssued through the outbox).
    /// </summary>
    [WolverinePost("/api/sessions/{sessionId}/invitations"), Tags("Invitations")]
    public static (IResult, Events, OutgoingMessages) Post(InviteRequest r,
        [SessionStream] SessionState session, [NotBody] SessionCaller caller,
        TimeProvider clock)
    {
        var command = new InviteParticipants(r.MemberIds, r.All, r.Guests?.Select(g => new GuestInvitee(g?.Name, g?.Email)).ToList());
        var verdict = InvitationRules.Invite(caller.Forum, session, command, caller.Actor, clock.GetUtcNow());
        var invited = verdict.Events.OfType<ParticipantInvited>().Select(e => e.InvitationId).ToList();
        var named = verdict.Accepted
            ? InvitationRules.Resolve(caller.Forum, session, command).Invitees.Select(i => session.InvitationFor(i.Email)?.InvitationId ?? i.InvitationId).ToList()
            : [];
        var body = new { invitationIds = named, invited, version = caller.Version + verdict.Events.Count };
        var (result, events) = verdict.Answer(invited.Count > 0 ? Results.Created($"/api/sessions/{session.Id}/invitations", body) : Results.Ok(body));
        var outgoing = new OutgoingMessages();
        if (invited.Count > 0) outgoing.Add(new InvitationsIssued(session.Id, invited));
        return (result, events, outgoing);
    }
}
