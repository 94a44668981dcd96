using Forum.Host.Infrastructure;
using Forum.Host.Sessions.SubmittingPositions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Forum.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Forum.Tests.Infrastructure;

/// <summary>A host stopping between the door and the store (ADR 0027): what was accepted is stored, what comes after is told to retry.</summary>
[Collection(ApiCollection.Name)]
public class GroupCommitTests(ApiFixture fixture) : SessionContext(fixture)
{
    [Fact]
    public async Task Submissions_waiting_when_the_host_stops_are_stored_and_applied_and_a_later_one_is_refused_with_nothing_stored()
    {
        var w = await World(open: true);
        var me = await GetJson(w.Gov.Token, "/api/me");
        PositionSubmission Submission(string statement) => new(w.SessionId, w.DecisionItem, Guid.CreateVersion7(), me.GetProperty("accountId").GetGuid(),
            w.Gov.Email, false, Stance.Support, statement, null, DateTimeOffset.UtcNow);
        // A writer of its own, on the host's store and message runtime, so that stopping it leaves the host's running.
        var commit = new GroupCommit(Host.Services.GetRequiredService<OutboxedSessionFactory>(), Host.Services.GetRequiredService<IWolverineRuntime>(),
            NullLogger<GroupCommit>.Instance);
        await commit.StartAsync(CancellationToken.None);
        var accepted = Submission("accepted as the host stops");
        var stored = commit.Store(accepted);
        await commit.StopAsync(CancellationToken.None);

        await stored.WaitAsync(TimeSpan.FromSeconds(10));
        await Fixture.Receipts.WaitFor(accepted.SubmissionId);
        var board = await Board(w, w.Gov.Token);
        StanceOf(board, w.DecisionItem, w.Gov.MemberId).ShouldBe("Support");
        ItemOf(board, w.DecisionItem).GetProperty("positions").GetProperty(w.Gov.MemberId.ToString()).GetProperty("statement").GetString()
            .ShouldBe("accepted as the host stops");

        var late = Submission("after the stop");
        await Should.ThrowAsync<GroupCommit.Stopping>(() => commit.Store(late));
        await using var query = Store.QuerySession();
        (await query.LoadAsync<PositionReceipt>(late.SubmissionId)).ShouldBeNull();
    }
}
