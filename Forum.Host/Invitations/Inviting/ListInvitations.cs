using Forum.Domain.Invitations;

namespace Forum.Host.Invitations.Inviting;

public static class ListInvitationsEndpoint
{
    /// <summary>The secretariat's view: each invitee, their answer, and what became of their mail.</summary>
    [WolverineGet("/api/sessions/{sessionId}/invitations"), Tags("Invitations")]
    public static async Task<IResult> Get([ReadAggregate("sessionId", Required = false)] SessionState session, [NotBody] SessionCaller caller, IQuerySession store)
    {
        if (InvitationRules.MayManage(caller.Forum, caller.Actor) is { } denied) return Problems.Of(denied);
        var deliveries = (await store.Query<MailDelivery>().Where(d => d.SessionId == session.Id).ToListAsync()).ToLookup(d => d.InvitationId);
        return Results.Ok(new
        {
            sessionId = session.Id,
            sequence = session.Sequence,
            invitations = session.Invitations.Values.OrderBy(i => i.Group).ThenBy(i => i.Name, StringComparer.Ordinal).Select(i =>
            {
                var mails = deliveries[i.InvitationId].OrderByDescending(d => d.CreatedAt).ToList();
                // The invitation itself (or its update, resend or cancellation) is what the secretariat acts on; reminders are listed below it.
                var latest = mails.FirstOrDefault(d => d.Kind is InvitationMailKind.Invitation or InvitationMailKind.Update or InvitationMailKind.Cancellation);
                return new
                {
                    i.InvitationId, i.MemberId, i.Name, i.Email, i.Group, i.Role, i.Guest, i.Answer, i.AnsweredAt, i.InvitedAt,
                    delivery = latest is null ? new DeliveryView(null, session.Sequence, DeliveryStatus.Pending, 0, null, null, null) : DeliveryView.Of(latest),
                    deliveries = mails.Select(DeliveryView.Of),
                };
            }),
        });
    }

    private sealed record DeliveryView(InvitationMailKind? Kind, int Sequence, DeliveryStatus Status, int Attempts, string? LastError, DateTimeOffset? SentAt,
        DateTimeOffset? UpdatedAt)
    {
        public static DeliveryView Of(MailDelivery d) => new(d.Kind, d.Sequence, d.Status, d.Attempts, d.LastError, d.SentAt, d.UpdatedAt);
    }
}
