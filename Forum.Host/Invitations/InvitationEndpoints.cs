using System.Security.Claims;
using Forum.Domain.Common;
using Forum.Domain.Sessions;
using Forum.Host.Infrastructure;
using Forum.Host.Sessions;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Forum.Host.Invitations;

public sealed record GuestRequest(string? Name, string? Email);
public sealed record InviteRequest(List<Guid>? MemberIds, bool? All, List<GuestRequest>? Guests);

public static class InviteEndpoint
{
    /// <summary>201 with the invitation ids when someone new is invited, 200 when everyone named already was (idempotent).</summary>
    [WolverinePost("/api/sessions/{sessionId}/invitations"), Tags("Invitations")]
    public static async Task<IResult> Post(Guid sessionId, InviteRequest r, ClaimsPrincipal user, IDocumentSession session, IMessageBus bus, TimeProvider clock)
    {
        var command = new InviteParticipants(r.MemberIds, r.All, r.Guests?.Select(g => new GuestInvitee(g?.Name, g?.Email)).ToList());
        IReadOnlyList<Guid> named = [], invited = [];
        var result = await SessionStreams.Decide(session, sessionId, user, (f, s, a) =>
        {
            var verdict = InvitationDecider.Invite(f, s, command, a, clock.GetUtcNow());
            if (!verdict.Accepted) return verdict;
            named = InvitationDecider.Resolve(f, s, command).Invitees.Select(i => s.InvitationFor(i.Email)?.InvitationId ?? i.InvitationId).ToList();
            invited = verdict.Events.OfType<ParticipantInvited>().Select(e => e.InvitationId).ToList();
            return verdict;
        }, version => invited.Count > 0
            ? Results.Created($"/api/sessions/{sessionId}/invitations", new { invitationIds = named, invited, version })
            : Results.Ok(new { invitationIds = named, invited, version }));
        // One mail per new invitee, and reminders, only once the invitations commit (outbox).
        if (invited.Count > 0) await bus.PublishAsync(new InvitationsIssued(sessionId, invited));
        return result;
    }
}

public static class InvitationListEndpoint
{
    /// <summary>The secretariat's view: each invitee, their answer, and what became of their mail.</summary>
    [WolverineGet("/api/sessions/{sessionId}/invitations"), Tags("Invitations")]
    public static async Task<IResult> Get(Guid sessionId, ClaimsPrincipal user, IQuerySession session)
    {
        var (s, forum, actor, refusal) = await SessionStreams.Read(session, sessionId, user);
        if (refusal is not null) return Problems.Of(refusal);
        if (InvitationDecider.MayManage(forum!, actor) is { } denied) return Problems.Of(denied);
        var deliveries = (await session.Query<MailDelivery>().Where(d => d.SessionId == sessionId).ToListAsync())
            .ToLookup(d => d.InvitationId);
        return Results.Ok(new
        {
            sessionId,
            sequence = s!.Sequence,
            invitations = s.Invitations.Values.OrderBy(i => i.Group).ThenBy(i => i.Name, StringComparer.Ordinal).Select(i =>
            {
                var mails = deliveries[i.InvitationId].OrderByDescending(d => d.CreatedAt).ToList();
                // The invitation itself (or its update, resend or cancellation) is what the secretariat acts on; reminders are listed below it.
                var latest = mails.FirstOrDefault(d => d.Kind is InvitationMailKind.Invitation or InvitationMailKind.Update or InvitationMailKind.Cancellation);
                return new
                {
                    i.InvitationId, i.MemberId, i.Name, i.Email, i.Group, i.Role, i.Guest, i.Answer, i.AnsweredAt, i.InvitedAt,
                    delivery = latest is null ? new DeliveryView(null, s.Sequence, DeliveryStatus.Pending, 0, null, null, null) : DeliveryView.Of(latest),
                    deliveries = mails.Select(DeliveryView.Of),
                };
            }),
        });
    }

    private sealed record DeliveryView(InvitationMailKind? Kind, int Sequence, DeliveryStatus Status, int Attempts, string? LastError, DateTimeOffset? SentAt, DateTimeOffset? UpdatedAt)
    {
        public static DeliveryView Of(MailDelivery d) => new(d.Kind, d.Sequence, d.Status, d.Attempts, d.LastError, d.SentAt, d.UpdatedAt);
    }
}

public static class ResendInvitationEndpoint
{
    /// <summary>Sends the invitation's latest mail again (the invitation as it stands, or the cancellation) under a new delivery id.</summary>
    [WolverinePost("/api/sessions/{sessionId}/invitations/{invitationId}/resend"), Tags("Invitations")]
    public static async Task<IResult> Post(Guid sessionId, Guid invitationId, ClaimsPrincipal user, IDocumentSession session, IMessageBus bus)
    {
        var (s, forum, actor, refusal) = await SessionStreams.Read(session, sessionId, user);
        if (refusal is not null) return Problems.Of(refusal);
        if (InvitationDecider.MayResend(forum!, s!, invitationId, actor) is { } denied) return Problems.Of(denied);
        // Counting earlier resends gives a retried click the same delivery id: it is sent once.
        var resends = await session.Query<MailDelivery>().CountAsync(d => d.InvitationId == invitationId && d.Resend > 0);
        var kind = s!.Status == SessionStatus.Cancelled ? InvitationMailKind.Cancellation : InvitationMailKind.Invitation;
        var message = new SendInvitationMail(sessionId, invitationId, kind, s.Sequence, s.StartsAt, resends + 1);
        await bus.PublishAsync(message);
        return Results.Accepted($"/api/sessions/{sessionId}/invitations", new { invitationId, deliveryId = message.DeliveryId, status = DeliveryStatus.Pending });
    }
}
