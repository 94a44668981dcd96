using Forum.Domain.Sessions;
using Forum.Host.Infrastructure;
using Forum.Host.Sessions.SubmittingPositions;
using Forum.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Forum.Tests.Sessions.SubmittingPositions;

/// <summary>A member's positions apply in the order they were accepted; one bad submission never takes its neighbours with it.</summary>
[Collection(ApiCollection.Name)]
public class PositionOrderTests(ApiFixture fixture) : SessionContext(fixture)
{
    private async Task<Guid> AccountOf(Person p) => (await GetJson(p.Token, "/api/me")).GetProperty("accountId").GetGuid();

    private static PositionSubmission Submission(SessionWorld w, Person p, Guid account, Stance stance, string statement, DateTimeOffset acceptedAt) =>
        new(w.SessionId, w.DecisionItem, Guid.CreateVersion7(), account, p.Email, false, stance, statement, null, acceptedAt);

    [Fact]
    public async Task A_submission_accepted_before_the_members_current_position_is_superseded_and_the_board_keeps_the_later_one()
    {
        var w = await World(open: true);
        // The member blocked, then lifted the block; the block (accepted first) reaches its turn last, as after a crash.
        var lifted = await Position(w, w.Cso.Token, "Support", "Heard, lifted.");
        var account = await AccountOf(w.Cso);
        var stale = Submission(w, w.Cso, account, Stance.Block, "No.", DateTimeOffset.UtcNow.AddMinutes(-1));
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().PublishAsync(stale);

        (await Fixture.Receipts.WaitFor(stale.SubmissionId)).Status.ShouldBe(SubmissionStatus.Superseded);
        var status = await GetJson(w.Cso.Token, w.Url($"/submissions/{stale.SubmissionId}"));
        status.GetProperty("status").GetString().ShouldBe("Superseded");
        status.GetProperty("rule").GetString().ShouldBe("position-superseded");
        StanceOf(await Board(w, w.Gov.Token), w.DecisionItem, w.Cso.MemberId).ShouldBe("Support");
        lifted.GetProperty("status").GetString().ShouldBe("Applied");
    }

    [Fact]
    public async Task A_submission_the_store_cannot_hold_is_refused_alone_and_its_neighbour_in_the_same_batch_is_applied()
    {
        var w = await World(open: true);
        var now = DateTimeOffset.UtcNow;
        // PostgreSQL refuses a NUL in JSON text (22P05): the door refuses it at once, so it is put straight into one batch here.
        var bad = Submission(w, w.Cso, await AccountOf(w.Cso), Stance.Object, "a\u0000b", now);
        var good = Submission(w, w.Gov, await AccountOf(w.Gov), Stance.Support, "Ready.", now);
        var outgoing = await PositionSubmissionHandler.Handle([bad, good], Store, Host.Services.GetRequiredService<StateCache>(), TimeProvider.System,
            NullLogger<PositionSubmission>.Instance);

        await using var query = Store.QuerySession();
        (await query.LoadAsync<PositionReceipt>(good.SubmissionId))!.Status.ShouldBe(SubmissionStatus.Applied);
        var refused = (await query.LoadAsync<PositionReceipt>(bad.SubmissionId))!;
        refused.Status.ShouldBe(SubmissionStatus.Refused);
        refused.Rule.ShouldBe("position-unstorable");
        outgoing.OfType<SubmissionRefused>().ShouldHaveSingleItem().SubmissionId.ShouldBe(bad.SubmissionId);
        var board = await Board(w, w.Gov.Token);
        StanceOf(board, w.DecisionItem, w.Gov.MemberId).ShouldBe("Support");
        StanceOf(board, w.DecisionItem, w.Cso.MemberId).ShouldBeNull();
    }
}
