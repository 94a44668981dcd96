namespace Forum.Tests.ScaleOut;

[Collection(TwoHostsCollection.Name)]
public class PositionsAcrossHostsTests(TwoHostsFixture fixture) : TwoHostsContext(fixture)
{
    [Fact]
    public async Task A_room_submitting_through_both_hosts_at_once_has_every_position_applied_and_each_members_last_one_on_the_board()
    {
        const int members = 12, each = 6;
        var room = await NewRoom(Fixture.Through(A), members);
        Api[] hosts = [Fixture.Through(A), Fixture.Through(B)];
        string[] stances = ["Support", "SupportWithReservations", "Abstain", "Object"];

        // Everyone at once; each member changes their mind several times, each time through the other host.
        var last = await Task.WhenAll(room.Members.Select(async (m, i) =>
        {
            var statement = "";
            for (var n = 0; n < each; n++)
            {
                statement = $"{m.Name}, change {n}";
                await hosts[(i + n) % 2].Send(HttpMethod.Post, m.Token, room.Positions, new { stance = stances[(i + n) % stances.Length], statement }, 202);
            }
            return (m.MemberId, statement);
        }));

        var expected = last.ToDictionary(x => x.MemberId, x => x.statement);
        await BoardShows(hosts[0], room, expected, TimeSpan.FromSeconds(20));
        await BoardShows(hosts[1], room, expected, TimeSpan.FromSeconds(5));
    }
}
