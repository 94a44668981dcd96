namespace Forum.Tests.Web;

public sealed record WebPerson(Guid MemberId, string Name, string Email, string Token);

/// <summary>
/// A forum arranged through the API: a Government co-chair, a civil-society co-chair, two participants with names in
/// Armenian and Georgian script, a member in the room without a device, and a scheduled hybrid session with an agenda.
/// </summary>
public sealed record WebWorld(Guid ForumId, Guid SessionId, Guid DecisionItem, string Admin, string Secretariat,
    WebPerson Chair, WebPerson CsoChair, WebPerson Ani, WebPerson Nino, WebPerson Aram)
{
    public const string ForumName = "Open Government Forum of Armenia";
    public const string SessionTitle = "Spring plenary";
    public const string ItemTitle = "Commitment 3: beneficial ownership register";
    public const string SecretariatEmail = "sec@forum.test";

    public string Session(string path = "") => $"/api/sessions/{SessionId}{path}";
    public string Item(string path) => $"/api/sessions/{SessionId}/items/{DecisionItem}{path}";
}

public abstract class WebWorldContext(BrowserFixture fixture) : BrowserContext(fixture)
{
    /// <param name="language">The session's language (the forum's is English).</param>
    protected async Task<WebWorld> World(string language = "en")
    {
        var admin = await TokenFor("admin@forum.test", administrator: true);
        var forumId = (await Post(admin, "/api/forums", new { name = WebWorld.ForumName, country = "Armenia", language = "en" })).GetProperty("forumId").GetGuid();
        await Post(admin, $"/api/forums/{forumId}/secretariat", new { email = WebWorld.SecretariatEmail });
        var sec = await TokenFor(WebWorld.SecretariatEmail);

        async Task<WebPerson> Member(string name, string email, string group, string organisation)
        {
            var id = (await Post(sec, $"/api/forums/{forumId}/members", new { name, email, organisation, group, role = "Member" })).GetProperty("memberId").GetGuid();
            return new WebPerson(id, name, email, await TokenFor(email));
        }

        var chair = await Member("Olena Koval", "olena@gov.test", "Government", "Ministry of Justice");
        var csoChair = await Member("Ion Rusu", "ion@cso.test", "CivilSociety", "Open Data Moldova");
        var ani = await Member("Անի Պետրոսյան", "ani@gov.test", "Government", "Office of the Prime Minister");
        var nino = await Member("ნინო ბერიძე", "nino@cso.test", "CivilSociety", "Transparency Georgia");
        var aram = await Member("Aram Hakobyan", "aram@uni.test", "Other", "Yerevan State University");
        await Post(sec, $"/api/forums/{forumId}/co-chairs", new { memberId = chair.MemberId });
        await Post(sec, $"/api/forums/{forumId}/co-chairs", new { memberId = csoChair.MemberId });

        var starts = DateTimeOffset.UtcNow.AddDays(1);
        var sessionId = (await Post(sec, $"/api/forums/{forumId}/sessions", new
        {
            title = WebWorld.SessionTitle, startsAt = starts, endsAt = starts.AddHours(3), mode = "Hybrid",
            venue = "Yerevan, Government House", onlineUrl = "https://meet.example.org/plenary", language,
        })).GetProperty("sessionId").GetGuid();
        await Post(sec, $"/api/sessions/{sessionId}/agenda", new { title = "Progress report", kind = "Information", minutes = 10 });
        var decision = (await Post(sec, $"/api/sessions/{sessionId}/agenda", new { title = WebWorld.ItemTitle, kind = "Decision", presenter = "Ministry of Justice", minutes = 30 }))
            .GetProperty("itemId").GetGuid();
        return new WebWorld(forumId, sessionId, decision, admin, sec, chair, csoChair, ani, nino, aram);
    }
}
