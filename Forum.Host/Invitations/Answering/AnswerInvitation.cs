using Forum.Domain.Invitations;
using Forum.Domain.Sessions;
using Forum.Host.Infrastructure;
using Forum.Host.Sessions;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Invitations.Answering;

public sealed record RsvpRequest(RsvpAnswer? Answer);

public static class AnswerInvitationEndpoint
{
    /// <summary>The signed-in invitee answers (or changes the answer) on the site, under the same rule as the mailed link.</summary>
    [WolverinePost("/api/sessions/{sessionId}/rsvp"), Tags("Invitations")]
    public static (IResult, Events) Post(RsvpRequest r, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session,
        [NotBody] SessionCaller caller, TimeProvider clock) =>
        InvitationRules.AnswerAsInvitee(session, r.Answer, caller.Actor, clock.GetUtcNow()).Answer(caller);
}
