using Forum.Projections.Minutes;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Host.Live;

/// <summary>What changed in a session's minutes; the text itself is read over HTTP, where a draft is shown only to whom may read it.</summary>
public sealed record MinutesChange(Guid MinutesId, string Status, int Revision, int Approvals);

/// <summary>
/// Tells a session's pages that its minutes changed (drafted, revised, approved, published), from the committed inline
/// view, the way <see cref="BoardBroadcaster"/> pushes the board: the desk then shows each co-chair's approval as it is
/// given. Nothing is coalesced: minutes change a handful of times in their life.
/// </summary>
public sealed class MinutesBroadcaster(IHubContext<SessionHub, ISessionClient> hub, ILogger<MinutesBroadcaster> log) : DocumentSessionListenerBase
{
    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var view in commit.Updated.Concat(commit.Inserted).OfType<MinutesView>())
        {
            try
            {
                await hub.Clients.Group(SessionHub.Group(view.SessionId))
                    .MinutesChanged(view.SessionId, new MinutesChange(view.Id, view.Status.ToString(), view.Revision, view.Approvals.Count));
            }
            catch (Exception e)
            {
                // A lost push costs only liveness: the page reads the minutes again when it next joins.
                log.LogError(e, "Pushing the minutes of session {SessionId} failed", view.SessionId);
            }
        }
    }
}
