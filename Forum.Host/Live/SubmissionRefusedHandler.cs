using Forum.Host.Identity;
using Forum.Host.Sessions.SubmittingPositions;
using Marten;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Host.Live;

public static class SubmissionRefusedHandler
{
    /// <summary>A position accepted at the door but refused at its turn: the submitter is told on every device they have open.</summary>
    public static async Task Handle(SubmissionRefused m, IHubContext<SessionHub, ISessionClient> hub, IQuerySession session)
    {
        // Told in the submitter's own language, if they chose one (there is no request to read a browser's from).
        var language = (await session.LoadAsync<Account>(m.AccountId))?.Language;
        await hub.Clients.User(m.AccountId.ToString()).SubmissionRefused(m.SessionId, m.SubmissionId,
            Problems.Details(new Rejection(RejectionKind.Conflict, m.Rule, m.Detail), language));
    }
}
