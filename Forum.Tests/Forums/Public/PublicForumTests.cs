using System.Text.Json;
using Forum.Tests.Support;

namespace Forum.Tests.Forums.Public;

[Collection(ApiCollection.Name)]
public class PublicForumTests(ApiFixture fixture) : PublicRecordContext(fixture)
{
    [Fact]
    public async Task Anyone_sees_the_forum_its_rules_members_by_group_sessions_and_minutes_without_an_address()
    {
        var forum = await ArrangeForum("Open Government Forum", Now.AddMonths(-10));
        var heldPublished = await ArrangeSession(forum, Now.AddMonths(-4), gov: 2, cso: 2, published: Now.AddMonths(-4).AddDays(9), title: "Spring plenary");
        var heldDraft = await ArrangeSession(forum, Now.AddMonths(-1), gov: 2, cso: 2, title: "Autumn plenary");
        await RecordPast(forum.Id, Now.AddMonths(-9), "Founding meeting", 4, 3, 1);
        var coming = (await PostJson(Secretariat, $"/api/forums/{forum.Id}/sessions", new
        {
            title = "Winter plenary", startsAt = Now.AddDays(20), endsAt = Now.AddDays(20).AddHours(2), mode = "Hybrid",
            venue = "State Chancellery, room 5", onlineUrl = "https://meet.test/winter-secret", language = "en",
        })).GetProperty("sessionId").GetGuid();

        var result = await Send(null, s => s.Get.Url($"/api/forums/{forum.Id}/public"), 200);
        var text = await result.ReadAsTextAsync();
        var page = JsonDocument.Parse(text).RootElement;

        page.GetProperty("name").GetString().ShouldBe("Open Government Forum");
        page.GetProperty("description").GetString().ShouldBe("Government and civil society co-create the national action plan.");
        var rules = page.GetProperty("rules");
        rules.GetProperty("parityRequired").GetBoolean().ShouldBeTrue();
        rules.GetProperty("setAt").GetDateTimeOffset().ShouldBe(Now.AddMonths(-10).AddDays(1), TimeSpan.FromMilliseconds(1));
        var members = page.GetProperty("members");
        members.GetProperty("Government").EnumerateArray().Select(m => m.GetProperty("organisation").GetString()).ShouldBe(["Ministry of Justice", "Ministry of Justice", "Ministry of Justice"]);
        members.GetProperty("CivilSociety").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldBe(["Activist 1", "Activist 2", "Activist 3"]);
        members.GetProperty("Other").GetArrayLength().ShouldBe(1);

        var sessions = page.GetProperty("sessions");
        sessions.GetProperty("coming").EnumerateArray().Single().GetProperty("sessionId").GetGuid().ShouldBe(coming);
        var past = sessions.GetProperty("past").EnumerateArray().ToList();
        past.Select(p => p.GetProperty("sessionId").GetGuid()).ShouldBe([heldDraft, heldPublished]);
        past[0].GetProperty("minutes").ValueKind.ShouldBe(JsonValueKind.Null);
        past[1].GetProperty("minutes").GetProperty("links").GetProperty("pdf").GetString()!.ShouldEndWith(".pdf");
        page.GetProperty("minutes").EnumerateArray().Single().GetProperty("sessionId").GetGuid().ShouldBe(heldPublished);
        page.GetProperty("pastMeetings").EnumerateArray().Single().GetProperty("minutes").GetProperty("sha256").GetString()!.Length.ShouldBe(64);
        page.GetProperty("actionPlans").GetArrayLength().ShouldBe(0);

        // Never an address; of a session, nothing but its schedule until its minutes are published.
        foreach (var email in forum.Emails) text.ShouldNotContain(email);
        text.ShouldNotContain("@");
        text.ShouldNotContain("meet.test");
        text.ShouldNotContain("Chancellery");
        text.ShouldNotContain("Hall 7");
        text.ShouldNotContain("open contracting");
    }

    [Fact]
    public async Task The_public_list_shows_every_forum_without_addresses()
    {
        var a = await ArrangeForum("Armenia OGP forum", Now.AddMonths(-3));
        var b = await ArrangeForum("Georgia OGP forum", Now.AddMonths(-3), rules: false);
        var result = await Send(null, s => s.Get.Url("/api/forums/public"), 200);
        var text = await result.ReadAsTextAsync();
        var list = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        list.Select(f => f.GetProperty("forumId").GetGuid()).ShouldBe([a.Id, b.Id]);
        list[0].GetProperty("members").GetProperty("CivilSociety").GetInt32().ShouldBe(3);
        list[0].GetProperty("links").GetProperty("page").GetString().ShouldBe($"/api/forums/{a.Id}/public");
        text.ShouldNotContain("@");
    }

    [Fact]
    public async Task An_unknown_forum_is_not_found_and_a_malformed_id_is_refused()
    {
        ShouldBeProblem(await GetJson(null, $"/api/forums/{Guid.CreateVersion7()}/public", 404), 404, "forum-not-found");
        ShouldBeProblem(await GetJson(null, "/api/forums/x'--/public", 400), 400, "id-malformed", "forumId");
    }
}
