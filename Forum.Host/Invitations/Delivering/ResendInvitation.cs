using Forum.Domain.Invitations;

namespace Forum.Host.Invitations.Delivering;

public static class ResendInvitationEndpoint
{
    /// <summary>Sends the invitation's latest mail again (the invitation as it stands, or the cancellation) under a new delivery id.</summary>
    [WolverinePost("/api/sessions/{sessionId}/invitations/{invitationId}/resend"), Tags("Invitations")]
    public static async Task<(IResult, OutgoingMessages)> Post(Guid invitationId, [ReadAggregate("sessionId", Required = false)] SessionState session,
        [NotBody] SessionCaller caller, IDocumentSession store)
    {
        var outgoing = new OutgoingMessages();
        if (InvitationRules.MayResend(caller.Forum, session, invitationId, caller.Actor) is { } denied) return (Problems.Of(denied), outgoing);
        // Counting earlier resends gives a retried click the same delivery id: it is sent once.
        var resends = await store.Query<MailDelivery>().CountAsync(d => d.InvitationId == invitationId && d.Resend > 0);
        var kind = session.Status == SessionStatus.Cancelled ? InvitationMailKind.Cancellation : InvitationMailKind.Invitation;
        var message = new SendInvitationMail(session.Id, invitationId, kind, session.Sequence, session.StartsAt, resends + 1);
        outgoing.Add(message);
        return (Results.Accepted($"/api/sessions/{session.Id}/invitations", new { invitationId, deliveryId = message.DeliveryId, status = DeliveryStatus.Pending }),
            outgoing);
    }
}
