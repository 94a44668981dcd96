using Forum.Domain.Invitations;

namespace Forum.Host.Invitations.Answering;

public sealed record RsvpRequest(RsvpAnswer? Answer);

public static class AnswerInvitationEndpoint
{
    /// <summary>The signed-in invitee answers (or changes the answer) on the site, under the same rule as the mailed link.</summary>
    [WolverinePost("/api/sessions/{sessionId}/rsvp"), Tags("Invitations")]
    public static (IResult, Events) Post(RsvpRequest r, [SessionStream] SessionState session,
        [NotBody] SessionCaller caller, TimeProvider clock) =>
        InvitationRules.AnswerAsInvitee(session, r.Answer, caller.Actor, clock.GetUtcNow()).Answer(caller);
}
