using Forum.Tests.Support;

namespace Forum.Tests.ScaleOut;

[Collection(TwoHostsCollection.Name)]
public class LiveAcrossHostsTests(TwoHostsFixture fixture) : TwoHostsContext(fixture)
{
    [Fact]
    public async Task A_screen_on_one_host_follows_in_order_every_change_made_through_the_other()
    {
        var room = await NewRoom(Fixture.Through(A), members: 6);
        await using var onA = await BoardMirror.Join(A.Address, room.Members[1].Token, room.SessionId);
        await using var onB = await BoardMirror.Join(B.Address, room.Members[2].Token, room.SessionId);

        // Only host B commits: what reaches the screen on host A can only have come through Redis, in B's order.
        await Converged(onA, Fixture.Through(B), room, await Changes(Fixture.Through(B), room, "through B"));
        onA.Rejoins.ShouldBe(0, "every change reached host A's screen in order, without a gap to fill");

        var throughA = await Changes(Fixture.Through(A), room, "through A");
        await Converged(onB, Fixture.Through(A), room, throughA);
        onB.Rejoins.ShouldBe(0);
        await Converged(onA, Fixture.Through(A), room, throughA);
    }

    [Fact]
    public async Task Changes_made_through_each_host_in_turn_reach_every_screen_once()
    {
        var room = await NewRoom(Fixture.Through(A), members: 5);
        await using var onA = await BoardMirror.Join(A.Address, room.Members[1].Token, room.SessionId);
        await using var onB = await BoardMirror.Join(B.Address, room.Members[2].Token, room.SessionId);

        // Each host commits in turn, so each one's last push is older than the other's commits: a host filling that
        // gap from the store must not push again what the other host pushed.
        var hosts = new[] { A, B, A, B };
        Dictionary<Guid, string> submitted = [];
        for (var round = 0; round < hosts.Length; round++)
        {
            submitted = await Changes(Fixture.Through(hosts[round]), room, $"round {round}");
            await BoardShows(Fixture.Through(A), room, submitted, TimeSpan.FromSeconds(15));
        }
        await Converged(onA, Fixture.Through(B), room, submitted);
        await Converged(onB, Fixture.Through(A), room, submitted);

        foreach (var screen in new[] { onA, onB })
        {
            screen.PushedPositions.Count.ShouldBe(hosts.Length * (room.Members.Count - 1), "each position of each round was pushed to the screen");
            screen.PushedPositions.GroupBy(p => p).Where(g => g.Count() > 1).ShouldBeEmpty("no position reached a screen twice");
            screen.Rejoins.ShouldBe(0);
        }
    }

    /// <summary>Hands raised and positions submitted one after another, each one change of the board.</summary>
    private static async Task<Dictionary<Guid, string>> Changes(Api api, Room room, string label)
    {
        foreach (var m in room.Members.Skip(1).Take(3))
            await api.Post(m.Token, room.Url("/hands"), new { raised = true });
        foreach (var m in room.Members.Skip(1))
            await api.Send(HttpMethod.Post, m.Token, room.Positions, new { stance = "Support", statement = $"{m.Name} {label}" }, 202);
        foreach (var m in room.Members.Skip(1).Take(3))
            await api.Post(m.Token, room.Url("/hands"), new { raised = false });
        return room.Members.Skip(1).ToDictionary(m => m.MemberId, m => $"{m.Name} {label}");
    }

    /// <summary>The screen shows what the host answers: the same version and every member's position.</summary>
    private async Task Converged(BoardMirror screen, Api api, Room room, Dictionary<Guid, string> submitted)
    {
        await BoardShows(api, room, submitted, TimeSpan.FromSeconds(15));
        var board = await api.Get(room.Chair.Token, room.Url());
        var version = board.GetProperty("version").GetInt64();
        await screen.Until(b => b.Version >= version);
        screen.Board.Version.ShouldBe(version);
        room.Members.ToDictionary(m => m.MemberId, m => screen.Board.Agenda.Single(i => i.ItemId == room.ItemId).Positions.GetValueOrDefault(m.MemberId)?.Statement)
            .ShouldBe(Statements(room, board));
        screen.Board.Hands.ShouldBeEmpty();
    }
}
