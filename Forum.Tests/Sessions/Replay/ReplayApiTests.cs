using System.Text.Json;
using Forum.Tests.Support;

namespace Forum.Tests.Sessions.Replay;

[Collection(ApiCollection.Name)]
public class ReplayApiTests(ApiFixture fixture) : SessionContext(fixture)
{
    [Fact]
    public async Task A_member_scrubs_a_session_page_by_page_and_sees_the_board_as_it_was_at_each_landmark()
    {
        var w = await World();
        await Tracked(() => PostJson(w.Secretariat, w.Url("/invitations"), new { guests = new[] { new { name = "Visiting expert", email = "expert@guest.test" } } }));
        await OpenWithEveryoneIn(w);
        await Position(w, w.Cso.Token, "Object", "Too slow");
        await Position(w, w.Gov.Token, "Support");
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/proposal"), new { text = "Publish the register as open data by March." }, 200);
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new
        {
            outcome = "ConsensusWithReservations", text = "Published by March.",
            responses = new[] { new { memberId = w.Cso.MemberId, response = "March answers the concern." } },
        }, 200);

        var timeline = await GetJson(w.Cso.Token, w.Url("/timeline"));
        var version = timeline.GetProperty("version").GetInt64();
        var landmarks = timeline.GetProperty("landmarks").EnumerateArray().ToList();
        landmarks.Select(l => l.GetProperty("kind").GetString())
            .ShouldBe(["SessionOpened", "AgendaItemOpened", "ProposalTabled", "ProposalRevised", "DecisionRecorded"]);
        landmarks[1].GetProperty("value").GetString().ShouldBe("Commitment 3: beneficial ownership register");
        landmarks[^1].GetProperty("value").GetString().ShouldBe("ConsensusWithReservations");

        // What the room saw when the first proposal was on the table, and when it was decided.
        var tabled = await GetJson(w.Cso.Token, w.Url($"?version={landmarks[2].GetProperty("version").GetInt64()}"));
        ItemOf(tabled, w.DecisionItem).GetProperty("proposal").GetString().ShouldBe("Publish the register as open data by June.");
        ItemOf(tabled, w.DecisionItem).GetProperty("positions").EnumerateObject().ShouldBeEmpty();
        var decided = await GetJson(w.Cso.Token, w.Url($"?version={landmarks[^1].GetProperty("version").GetInt64()}"));
        StanceOf(decided, w.DecisionItem, w.Cso.MemberId).ShouldBe("Object");
        ItemOf(decided, w.DecisionItem).GetProperty("decision").GetProperty("outcome").GetString().ShouldBe("ConsensusWithReservations");

        // Every moment once, in order, five at a time; never an address.
        var seen = new List<JsonElement>();
        var next = w.Url("/moments?limit=5");
        var pages = 0;
        while (next is not null)
        {
            var page = await GetJson(w.Observer.Token, next);
            var moments = page.GetProperty("moments").EnumerateArray().ToList();
            moments.Count.ShouldBeLessThanOrEqualTo(5);
            seen.AddRange(moments);
            next = page.GetProperty("next").GetString();
            pages++;
        }
        seen.Select(m => m.GetProperty("version").GetInt64()).ShouldBe(Enumerable.Range(1, (int)version).Select(v => (long)v));
        pages.ShouldBe((int)Math.Ceiling(version / 5.0));
        var submitted = seen.Single(m => m.GetProperty("kind").GetString() == "PositionSubmitted" && m.GetProperty("memberId").GetGuid() == w.Cso.MemberId);
        submitted.GetProperty("name").GetString().ShouldBe("Ion Rusu");
        submitted.GetProperty("value").GetString().ShouldBe("Object");
        seen.Single(m => m.GetProperty("kind").GetString() == "ParticipantInvited").GetProperty("name").GetString().ShouldBe("Visiting expert");
        JsonSerializer.Serialize(seen).ShouldNotContain("@");
    }

    [Fact]
    public async Task The_replay_is_for_those_who_may_see_the_session()
    {
        var w = await World();
        var outsider = await TokenFor("outsider@else.test");
        ShouldBeProblem(await GetJson(null, w.Url("/timeline"), 401), 401, "sign-in-required");
        ShouldBeProblem(await GetJson(outsider, w.Url("/moments"), 404), 404, "forum-members-only");
        ShouldBeProblem(await GetJson(w.Gov.Token, $"/api/sessions/{Guid.CreateVersion7()}/timeline", 404), 404, "session-not-found");
        ShouldBeProblem(await GetJson(w.Gov.Token, w.Url("/moments?limit=0"), 400), 400, "page-size-range", "limit");
        ShouldBeProblem(await GetJson(w.Gov.Token, w.Url("/moments?limit=1001"), 400), 400, "page-size-range", "limit");
        ShouldBeProblem(await GetJson(w.Gov.Token, w.Url("/moments?after=-1"), 400), 400, "version-range", "after");
        var beyond = await GetJson(w.Gov.Token, w.Url("/moments?after=999999"));
        beyond.GetProperty("moments").GetArrayLength().ShouldBe(0);
        beyond.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
