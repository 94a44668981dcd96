using System.Text.Json;
using Forum.Domain.Sessions;
using Forum.Host.Live;
using Forum.Projections.Sessions;
using Forum.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Forum.Tests.Sessions.Board;

/// <summary>
/// A join brings the board, the positions on the item in front of the room and one's own attendance — not the room;
/// a push brings what changed; the rest is paged (ADR 0013).
/// </summary>
[Collection(ApiCollection.Name)]
public class LightJoinTests(ApiFixture fixture) : SessionContext(fixture)
{
    [Fact]
    public async Task A_join_brings_the_current_items_positions_and_ones_own_attendance_and_a_position_push_only_that_position_and_its_tally()
    {
        var w = await World(open: true);
        await Position(w, w.Gov.Token, "Support", "Ready.");
        await using var connection = BoardMirror.Connect(Host, w.Cso.Token);
        var pushes = new List<BoardChange>();
        var pushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<Guid, long, BoardChange>(nameof(ISessionClient.BoardChanged), (_, _, change) =>
        {
            lock (pushes) pushes.Add(change);
            if (change.Positions.Any(p => p.MemberId == w.Cso.MemberId)) pushed.TrySetResult();
        });
        // What goes over the wire, as a browser's screen gets it.
        await using var raw = BoardMirror.Connect(Host, w.Gov.Token);
        var wire = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        raw.On<Guid, long, JsonElement>(nameof(ISessionClient.BoardChanged), (_, _, change) =>
        {
            if (change.GetProperty("positions").EnumerateArray().Any(p => p.GetProperty("statement").GetString() == "Too slow.")) wire.TrySetResult(change);
        });
        await raw.StartAsync();
        await raw.InvokeAsync<JsonElement>("Join", w.SessionId);
        await connection.StartAsync();
        var joined = await connection.InvokeAsync<JoinResult>("Join", w.SessionId);

        var item = joined.Board.Agenda.Single(i => i.ItemId == w.DecisionItem);
        item.Positions.Keys.ShouldBe([w.Gov.MemberId]);
        item.Tally[Stance.Support].ShouldBe(1);
        joined.Board.Attendees.Keys.ShouldBe([w.Cso.MemberId]);
        joined.Board.VotingPresent[Domain.Forums.StakeholderGroup.Government].ShouldBe(2);
        joined.Board.Quorum!.Met.ShouldBeTrue();

        await Position(w, w.Cso.Token, "Object", "Too slow.");
        await pushed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        BoardChange change;
        lock (pushes) change = pushes.Single(p => p.Positions.Any(x => x.MemberId == w.Cso.MemberId));
        change.Header.ShouldBeNull();
        change.Items.ShouldBeEmpty();
        change.Positions.ShouldHaveSingleItem().Statement.ShouldBe("Too slow.");
        var tally = change.Tallies.ShouldHaveSingleItem().TallyByGroup;
        tally[Domain.Forums.StakeholderGroup.CivilSociety][Stance.Object].ShouldBe(1);
        tally[Domain.Forums.StakeholderGroup.Government][Stance.Support].ShouldBe(1);
        change.ToVersion.ShouldBe((await Board(w, w.Cso.Token)).GetProperty("version").GetInt64());

        // Each byte of a push goes to every screen: no store keys, no earlier stances, no defaults, no empty header (ADR 0032).
        var sent = await wire.Task.WaitAsync(TimeSpan.FromSeconds(15));
        sent.TryGetProperty("header", out _).ShouldBeFalse();
        sent.TryGetProperty("agendaOrder", out _).ShouldBeFalse();
        sent.GetProperty("tallies")[0].EnumerateObject().Select(p => p.Name).ShouldBe(["itemId", "tallyByGroup"]);
        sent.GetProperty("positions")[0].EnumerateObject().Select(p => p.Name)
            .ShouldBe(["itemId", "memberId", "name", "group", "stance", "statement", "at", "version"]);
    }

    [Fact]
    public async Task Positions_on_any_item_and_who_is_present_are_paged_and_each_record_says_its_version()
    {
        var w = await World(open: true);
        await Position(w, w.Gov.Token, "Support", "Ready.");
        await Position(w, w.Secretariat, "Abstain", "", onBehalfOf: w.Other.MemberId);
        await PostJson(w.Gov.Token, w.Url("/leave"), new { }, 200);

        var page = await GetJson(w.Observer.Token, w.Item(w.DecisionItem, "/positions?page=0"));
        var positions = page.GetProperty("positions").EnumerateArray().ToList();
        positions.Select(p => p.GetProperty("memberId").GetGuid()).ShouldBe([w.Gov.MemberId, w.Other.MemberId], ignoreOrder: true);
        positions.ShouldAllBe(p => p.GetProperty("version").GetInt64() > 0);
        page.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
        page.ToString().ShouldNotContain("sec@forum.test");

        var attendees = (await GetJson(w.Observer.Token, w.Url("/attendees"))).GetProperty("attendees").EnumerateArray()
            .Select(a => a.GetProperty("memberId").GetGuid()).ToList();
        attendees.ShouldNotContain(w.Gov.MemberId);
        attendees.ShouldContain(w.Other.MemberId);
        attendees.Count.ShouldBe(5);

        ShouldBeProblem(await GetJson(w.Observer.Token, w.Url("/attendees?page=-1"), 400), 400, "page-range", "page");
        ShouldBeProblem(await GetJson(w.Observer.Token, w.Item(Guid.NewGuid(), "/positions"), 404), 404, "item-not-found");
        ShouldBeProblem(await GetJson(null, w.Url("/attendees"), 401), 401, "sign-in-required");
    }
}
