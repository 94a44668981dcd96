using Forum.Domain.Common;
using Forum.Host.Infrastructure;
using Forum.Host.Sessions.SubmittingPositions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Forum.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// Positions accepted together are decided and stored together (ADR 0027, 0030): what a caller is told is what was committed,
/// one bad submission never takes its group with it, and a host stopping stores what it accepted and turns the rest away.
/// </summary>
[Collection(ApiCollection.Name)]
public class GroupCommitTests(ApiFixture fixture) : SessionContext(fixture)
{
    private async Task<PositionSubmission> Submission(SessionWorld w, Person p, string statement, Stance stance = Stance.Support) =>
        new(w.SessionId, w.DecisionItem, Guid.CreateVersion7(), (await GetJson(p.Token, "/api/me")).GetProperty("accountId").GetGuid(),
            p.Email, false, stance, statement, null, DateTimeOffset.UtcNow);

    /// <summary>A writer of its own, on the host's store and state, so that stopping it leaves the host's running.</summary>
    private GroupCommit Writer(int decideAtOnce = GroupCommit.DecideAtOnce) =>
        new(Store, Host.Services.GetRequiredService<StateCache>(), Host.Services.GetRequiredService<OutboxedSessionFactory>(),
            Host.Services.GetRequiredService<IWolverineRuntime>(), TimeProvider.System, NullLogger<GroupCommit>.Instance, decideAtOnce);

    private async Task<int> PositionsIn(SessionWorld w)
    {
        await using var query = Store.QuerySession();
        return (await query.Events.FetchStreamAsync(w.SessionId)).Count(e => e.Data is PositionSubmitted);
    }

    [Fact]
    public async Task Submissions_waiting_when_the_host_stops_are_stored_and_applied_and_a_later_one_is_refused_with_nothing_stored()
    {
        var w = await World(open: true);
        var commit = Writer();
        await commit.StartAsync(CancellationToken.None);
        var accepted = await Submission(w, w.Gov, "accepted as the host stops");
        var stored = commit.Store(accepted);
        await commit.StopAsync(CancellationToken.None);

        (await stored.WaitAsync(TimeSpan.FromSeconds(10))).Status.ShouldBe(SubmissionStatus.Applied);
        var board = await Board(w, w.Gov.Token);
        StanceOf(board, w.DecisionItem, w.Gov.MemberId).ShouldBe("Support");
        ItemOf(board, w.DecisionItem).GetProperty("positions").GetProperty(w.Gov.MemberId.ToString()).GetProperty("statement").GetString()
            .ShouldBe("accepted as the host stops");

        var late = await Submission(w, w.Gov, "after the stop");
        await Should.ThrowAsync<GroupCommit.Stopping>(() => commit.Store(late));
        await using var query = Store.QuerySession();
        (await query.LoadAsync<PositionReceipt>(late.SubmissionId)).ShouldBeNull();
    }

    [Fact]
    public async Task A_submission_whose_item_closed_before_its_turn_is_answered_with_the_rule_and_appends_nothing()
    {
        var w = await World(open: true);
        var commit = Writer();
        // Accepted at the door, then the item closes before the writer takes it.
        var late = await Submission(w, w.Gov, "too late");
        var decided = commit.Store(late);
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new { outcome = "Deferred", text = "Next meeting." }, 200);
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/close"), new { }, 200);
        var events = await PositionsIn(w);
        await commit.StartAsync(CancellationToken.None);

        var answer = await decided.WaitAsync(TimeSpan.FromSeconds(10));
        await commit.StopAsync(CancellationToken.None);
        answer.Status.ShouldBe(SubmissionStatus.Refused);
        answer.Rejection.ShouldNotBeNull().Rule.ShouldBe("item-not-open");
        answer.Rejection.Kind.ShouldBe(RejectionKind.Conflict);
        (await PositionsIn(w)).ShouldBe(events);
        var status = await GetJson(w.Gov.Token, w.Url($"/submissions/{late.SubmissionId}"));
        status.GetProperty("status").GetString().ShouldBe("Refused");
        status.GetProperty("rule").GetString().ShouldBe("item-not-open");
        StanceOf(await Board(w, w.Gov.Token), w.DecisionItem, w.Gov.MemberId).ShouldBeNull();
    }

    [Fact]
    public async Task A_submission_the_store_cannot_hold_is_refused_alone_and_the_others_of_its_group_are_applied()
    {
        var w = await World(open: true);
        var commit = Writer();
        // PostgreSQL refuses a NUL in JSON text (22P05); the door refuses it at once, so it is put into a group here.
        var bad = commit.Store(await Submission(w, w.Cso, "a\u0000b", Stance.Object));
        var good = commit.Store(await Submission(w, w.Gov, "Ready."));
        await commit.StartAsync(CancellationToken.None);

        var refused = await bad.WaitAsync(TimeSpan.FromSeconds(10));
        (await good.WaitAsync(TimeSpan.FromSeconds(10))).Status.ShouldBe(SubmissionStatus.Applied);
        await commit.StopAsync(CancellationToken.None);
        refused.Status.ShouldBe(SubmissionStatus.Refused);
        refused.Rejection.ShouldNotBeNull().Rule.ShouldBe("position-unstorable");
        refused.Rejection.Kind.ShouldBe(RejectionKind.Invalid);
        var board = await Board(w, w.Gov.Token);
        StanceOf(board, w.DecisionItem, w.Gov.MemberId).ShouldBe("Support");
        StanceOf(board, w.DecisionItem, w.Cso.MemberId).ShouldBeNull();
    }

    [Fact]
    public async Task A_burst_larger_than_a_group_decided_at_once_is_answered_accepted_and_the_sessions_batch_applies_it_in_order()
    {
        var w = await World(open: true);
        var commit = Writer(decideAtOnce: 1);
        var first = await Submission(w, w.Gov, "first", Stance.Object);
        var second = await Submission(w, w.Gov, "second");
        var other = await Submission(w, w.Cso, "mine");
        var answers = new[] { first, second, other }.Select(commit.Store).ToList();
        await commit.StartAsync(CancellationToken.None);

        foreach (var answer in answers) (await answer.WaitAsync(TimeSpan.FromSeconds(10))).Status.ShouldBe(SubmissionStatus.Accepted);
        await commit.StopAsync(CancellationToken.None);
        foreach (var s in new[] { first, second, other }) (await Fixture.Receipts.WaitFor(s.SubmissionId)).Status.ShouldBe(SubmissionStatus.Applied);
        var board = await Board(w, w.Gov.Token);
        ItemOf(board, w.DecisionItem).GetProperty("positions").GetProperty(w.Gov.MemberId.ToString()).GetProperty("statement").GetString().ShouldBe("second");
        StanceOf(board, w.DecisionItem, w.Cso.MemberId).ShouldBe("Support");
    }
}
