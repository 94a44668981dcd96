using Forum.Tests.Support;

namespace Forum.Tests.Minutes;

[Collection(MinutesCollection.Name)]
public class MinutesDraftingTests(MinutesFixture fixture) : MinutesContext(fixture)
{
    [Fact]
    public async Task A_closed_session_yields_draft_minutes_from_its_record()
    {
        await ArrangeForum();
        var sessionId = await ArrangeClosedSession("en");
        await Draft(sessionId);

        var view = await GetJson(Secretariat, $"/api/sessions/{sessionId}/minutes");
        view.GetProperty("status").GetString().ShouldBe("Draft");
        view.GetProperty("language").GetString().ShouldBe("en");
        view.GetProperty("sessionVersion").GetInt64().ShouldBe(23);
        view.GetProperty("eventsSha256").GetString()!.Length.ShouldBe(64);
        view.GetProperty("awaitingApproval").EnumerateArray().Select(x => x.GetString()).ShouldBe(["Government", "CivilSociety"]);

        var md = await GetText(Secretariat, view.GetProperty("links").GetProperty("markdown").GetString()!);
        File.WriteAllText("/tmp/minutes-test.md", md);
        md.ShouldContain("# Minutes: Autumn plenary");
        md.ShouldContain("Anti-corruption forum");
        md.ShouldContain("Олена Коваль (Government); Nino Beridze (Civil society)");
        md.ShouldContain("Revision 1 at 10:20");
        md.ShouldContain("The forum adopts commitment 4 as amended.");
        // Published minutes are public: they say the secretariat recorded it, not whose address did.
        md.ShouldContain("(recorded by the secretariat)");
        md.ShouldNotContain("sec@forum.test");
        md.ShouldContain("**Consensus with reservations**");
        md.ShouldContain("A deadline of June was added.");
        md.ShouldContain("Publish the amended text: **Ani Petrosyan**, due 2026-12-31");
        md.ShouldContain("gap 50 points");
    }
}
