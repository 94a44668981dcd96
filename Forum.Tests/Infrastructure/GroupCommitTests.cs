using Forum.Domain.Common;
using Forum.Host.Infrastructure;
using Forum.Host.Sessions.SubmittingPositions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Forum.Tests.Sessions;
using Forum.Tests.Support;
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

    private static async Task<object?> Sql(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task A_burst_arriving_while_a_group_waits_for_the_sessions_lock_is_answered_at_once_from_the_inbox()
    {
        var w = await World(open: true);
        var commit = Writer();
        // Someone else holds the session's lock (as a co-chair's command would, for longer): the writer's decision waits on it.
        await using var holder = Store.Storage.Database.CreateConnection();
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await Sql(holder, $"select version from {Fixture.SchemaName}.mt_streams where id = '{w.SessionId}' for update");
        await commit.StartAsync(CancellationToken.None);
        var waiting = commit.Store(await Submission(w, w.Cso, "decided once the lock is free", Stance.Object));
        // A writer waiting for a row's lock holds that row's tuple lock while it waits.
        await Poll.Until(async () => (long)(await Sql(holder, "select count(*) from pg_locks l join pg_class c on c.oid = l.relation " +
                $"join pg_namespace n on n.oid = c.relnamespace where l.locktype = 'tuple' and n.nspname = '{Fixture.SchemaName}' and c.relname = 'mt_streams'"))! > 0,
            TimeSpan.FromSeconds(10), () => "the writer never waited for the session's lock");

        // More than a group decided at once arrive behind it: they are stored and answered while it still waits.
        var burst = new List<(PositionSubmission Submission, Task<Decided> Answer)>();
        for (var n = 0; n <= GroupCommit.DecideAtOnce; n++)
        {
            var s = await Submission(w, w.Gov, $"burst {n}");
            burst.Add((s, commit.Store(s)));
        }
        foreach (var (_, answer) in burst) (await answer.WaitAsync(TimeSpan.FromSeconds(10))).Status.ShouldBe(SubmissionStatus.Accepted);
        waiting.IsCompleted.ShouldBeFalse("the first group still waits for the lock");

        await held.RollbackAsync();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Status.ShouldBe(SubmissionStatus.Applied);
        await commit.StopAsync(CancellationToken.None);
        // The session's batch decides the burst in the order it was accepted: the member's last one is on the board.
        foreach (var (s, _) in burst) await Fixture.Receipts.WaitFor(s.SubmissionId);
        var board = await Board(w, w.Gov.Token);
        ItemOf(board, w.DecisionItem).GetProperty("positions").GetProperty(w.Gov.MemberId.ToString()).GetProperty("statement").GetString()
            .ShouldBe($"burst {GroupCommit.DecideAtOnce}");
        StanceOf(board, w.DecisionItem, w.Cso.MemberId).ShouldBe("Object");
    }
}
