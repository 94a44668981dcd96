using System.Text.Json;
using Forum.Tests.Support;

namespace Forum.Tests.Sessions;

public sealed record Person(Guid MemberId, string Name, string Email, string Token);

/// <summary>A forum of three groups with two co-chairs, a secretariat and a scheduled hybrid session with two items, built through the API.</summary>
public sealed class SessionWorld
{
    public required Guid ForumId { get; init; }
    public required Guid SessionId { get; init; }
    public required Guid DecisionItem { get; init; }
    public required Guid InfoItem { get; init; }
    public required string Secretariat { get; init; }
    public required Person GovChair { get; init; }
    public required Person CsoChair { get; init; }
    public required Person Gov { get; init; }
    public required Person Cso { get; init; }
    public required Person Other { get; init; }
    public required Person Observer { get; init; }

    public string Url(string path = "") => $"/api/sessions/{SessionId}{path}";
    public string Item(Guid itemId, string path) => $"/api/sessions/{SessionId}/items/{itemId}{path}";
}

public abstract class SessionContext(AppFixture fixture) : IntegrationContext(fixture)
{
    protected async Task<SessionWorld> World(bool open = false)
    {
        var admin = await AdminToken();
        var forumId = (await PostJson(admin, "/api/forums", new { name = "Open Government Forum", country = "Moldova", language = "en" })).GetProperty("forumId").GetGuid();
        await Send(admin, s => s.Post.Json(new { email = "sec@forum.test" }).ToUrl($"/api/forums/{forumId}/secretariat"), 204);
        var sec = await TokenFor("sec@forum.test");

        async Task<Person> Member(string name, string email, string group, string role = "Member")
        {
            var id = (await PostJson(sec, $"/api/forums/{forumId}/members", new { name, email, organisation = "Org", group, role })).GetProperty("memberId").GetGuid();
            return new Person(id, name, email, await TokenFor(email));
        }

        var govChair = await Member("Olena Koval", "olena@gov.test", "Government");
        var csoChair = await Member("Nino Beridze", "nino@cso.test", "CivilSociety");
        var gov = await Member("Ani Petrosyan", "ani@gov.test", "Government");
        var cso = await Member("Ion Rusu", "ion@cso.test", "CivilSociety");
        var other = await Member("Academic", "prof@uni.test", "Other");
        var observer = await Member("Press", "press@news.test", "Other", "Observer");
        await Send(sec, s => s.Post.Json(new { memberId = govChair.MemberId }).ToUrl($"/api/forums/{forumId}/co-chairs"), 204);
        await Send(sec, s => s.Post.Json(new { memberId = csoChair.MemberId }).ToUrl($"/api/forums/{forumId}/co-chairs"), 204);

        var sessionId = (await PostJson(sec, $"/api/forums/{forumId}/sessions", new
        {
            title = "Spring plenary", startsAt = DateTimeOffset.UtcNow.AddDays(1), endsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(3),
            mode = "Hybrid", venue = "Chișinău, State Chancellery", onlineUrl = "https://meet.example.org/plenary", language = "en",
        })).GetProperty("sessionId").GetGuid();
        var info = (await PostJson(sec, $"/api/sessions/{sessionId}/agenda", new { title = "Progress report", kind = "Information", minutes = 10 })).GetProperty("itemId").GetGuid();
        var decision = (await PostJson(sec, $"/api/sessions/{sessionId}/agenda", new { title = "Commitment 3: beneficial ownership register", kind = "Decision", presenter = "Ministry of Justice", minutes = 30 })).GetProperty("itemId").GetGuid();

        var world = new SessionWorld
        {
            ForumId = forumId, SessionId = sessionId, DecisionItem = decision, InfoItem = info, Secretariat = sec,
            GovChair = govChair, CsoChair = csoChair, Gov = gov, Cso = cso, Other = other, Observer = observer,
        };
        if (open) await OpenWithEveryoneIn(world);
        return world;
    }

    /// <summary>Opened by a co-chair, everyone checked in (some in the room, some online), the decision item open with a proposal.</summary>
    protected async Task OpenWithEveryoneIn(SessionWorld w)
    {
        await PostJson(w.GovChair.Token, w.Url("/open"), new { }, 200);
        foreach (var (p, presence) in new[] { (w.GovChair, "InRoom"), (w.CsoChair, "Online"), (w.Gov, "InRoom"), (w.Cso, "Online"), (w.Observer, "Online") })
            await PostJson(p.Token, w.Url("/check-in"), new { presence }, 200);
        // The secretariat checks in someone in the room without a device.
        await PostJson(w.Secretariat, w.Url("/check-in"), new { presence = "InRoom", memberId = w.Other.MemberId }, 200);
        await PostJson(w.CsoChair.Token, w.Item(w.DecisionItem, "/open"), new { }, 200);
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/proposal"), new { text = "Publish the register as open data by June." }, 200);
    }

    /// <summary>Submits a position and waits until its batch has been decided and appended.</summary>
    protected async Task<JsonElement> Position(SessionWorld w, string token, string stance, string statement = "", Guid? onBehalfOf = null, string? key = null)
    {
        var result = await Send(token, s =>
        {
            s.Post.Json(new { stance, statement, onBehalfOf }).ToUrl(w.Item(w.DecisionItem, "/positions"));
            if (key is not null) s.WithRequestHeader("Idempotency-Key", key);
        }, 202);
        var answer = await ReadJson(result);
        await Fixture.Receipts.WaitFor(answer.GetProperty("submissionId").GetGuid());
        return answer;
    }

    protected Task<JsonElement> Board(SessionWorld w, string token, string query = "") => GetJson(token, w.Url(query));

    protected static JsonElement ItemOf(JsonElement board, Guid itemId) =>
        board.GetProperty("agenda").EnumerateArray().Single(i => i.GetProperty("itemId").GetGuid() == itemId);

    protected static string? StanceOf(JsonElement board, Guid itemId, Guid memberId) =>
        ItemOf(board, itemId).GetProperty("positions").TryGetProperty(memberId.ToString(), out var p) ? p.GetProperty("stance").GetString() : null;
}
