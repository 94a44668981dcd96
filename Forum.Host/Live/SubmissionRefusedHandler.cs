using Forum.Host.Sessions.SubmittingPositions;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Host.Live;

public static class SubmissionRefusedHandler
{
    /// <summary>A position accepted at the door but refused at its turn: the submitter is told on every device they have open.</summary>
    public static Task Handle(SubmissionRefused m, IHubContext<SessionHub, ISessionClient> hub) =>
        hub.Clients.User(m.AccountId.ToString()).SubmissionRefused(m.SessionId, m.SubmissionId,
            Problems.Details(new Rejection(RejectionKind.Conflict, m.Rule, m.Detail)));
}
