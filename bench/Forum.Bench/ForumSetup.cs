using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Forum.Host.Identity;
using JasperFx;
using Marten;
using Weasel.Core;

namespace Forum.Bench;

public sealed record Member(int Index, Guid MemberId, string Email, string Token);

/// <summary>JSON over HTTP with a bearer token; fails loudly on an unexpected status.</summary>
public sealed class Api(HttpClient http, string baseUrl)
{
    public string BaseUrl => baseUrl;

    public async Task<JsonElement> Send(HttpMethod method, string token, string path, object? body, params HttpStatusCode[] expect)
    {
        using var request = new HttpRequestMessage(method, baseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!expect.Contains(response.StatusCode))
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> Post(string token, string path, object body, HttpStatusCode expect = HttpStatusCode.OK) =>
        Send(HttpMethod.Post, token, path, body, expect);
}

public sealed record OpenSession(Guid SessionId, Guid ItemId, int Members);

/// <summary>
/// One forum with members and co-chairs, built through the API like a secretariat would; only the accounts and their
/// API tokens are written straight to the store (there is no API to mint a token for someone else).
/// </summary>
public sealed class ForumSetup : IAsyncDisposable
{
    private readonly DocumentStore _store;
    private readonly Api _api;
    public Guid ForumId { get; private set; }
    public string Secretariat { get; private set; } = "";
    public List<Member> Members { get; } = [];
    public Member GovChair => Members[0];
    public Member CsoChair => Members[1];

    private readonly string _db, _schema;

    private ForumSetup(DocumentStore store, Api api, Options o) { _store = store; _api = api; _db = o.Db; _schema = o.Schema; }

    public static async Task<ForumSetup> Create(Options o, Api api, int members)
    {
        var store = DocumentStore.For(opts =>
        {
            opts.Connection(o.Db);
            opts.DatabaseSchemaName = o.Schema;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            opts.AddIdentityDocuments();
            // The host created the tables at start; this store only writes rows into them.
            opts.AutoCreateSchemaObjects = AutoCreate.None;
        });
        var setup = new ForumSetup(store, api, o);
        await setup.Build(members);
        return setup;
    }

    private async Task<List<string>> Tokens(IReadOnlyList<string> emails, bool administrator = false)
    {
        var tokens = new List<string>(emails.Count);
        foreach (var chunk in emails.Chunk(250))
        {
            await using var session = _store.LightweightSession();
            var now = DateTimeOffset.UtcNow;
            foreach (var email in chunk)
            {
                var account = await session.FindOrCreate(email, now, administrator);
                session.IssueToken(account, "bench", now, out var secret);
                tokens.Add(secret);
            }
            await session.SaveChangesAsync();
        }
        return tokens;
    }

    private async Task Build(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var admin = (await Tokens([$"admin-{run}@bench.test"], administrator: true))[0];
        ForumId = (await _api.Post(admin, "/api/forums", new { name = $"Bench forum {run}", country = "Moldova", language = "en" }, HttpStatusCode.Created))
            .GetProperty("forumId").GetGuid();
        var secEmail = $"sec-{run}@bench.test";
        await _api.Post(admin, $"/api/forums/{ForumId}/secretariat", new { email = secEmail }, HttpStatusCode.NoContent);
        Secretariat = (await Tokens([secEmail]))[0];

        var started = Clock.Now;
        string[] groups = ["Government", "CivilSociety", "Other"];
        var emails = Enumerable.Range(0, count).Select(i => $"m{i:D5}-{run}@bench.test").ToList();
        var ids = new List<Guid>(count);
        // One at a time: each admission is a decision on the forum's stream.
        for (var i = 0; i < count; i++)
        {
            var id = (await _api.Post(Secretariat, $"/api/forums/{ForumId}/members",
                new { name = $"Member {i:D5}", email = emails[i], organisation = $"Org {i % 37}", group = groups[i % 3], role = "Member" },
                HttpStatusCode.Created)).GetProperty("memberId").GetGuid();
            ids.Add(id);
        }
        var tokens = await Tokens(emails);
        for (var i = 0; i < count; i++) Members.Add(new Member(i, ids[i], emails[i], tokens[i]));
        await _api.Post(Secretariat, $"/api/forums/{ForumId}/co-chairs", new { memberId = GovChair.MemberId }, HttpStatusCode.NoContent);
        await _api.Post(Secretariat, $"/api/forums/{ForumId}/co-chairs", new { memberId = CsoChair.MemberId }, HttpStatusCode.NoContent);
        Log.Info($"forum {ForumId}: {count} members with tokens in {Clock.Ms(started, Clock.Now) / 1000:F1} s");
    }


    /// <summary>A session opened by a co-chair, the first <paramref name="members"/> members checked in, a decision item open with a proposal.</summary>
    public async Task<OpenSession> OpenSession(string title, int members)
    {
        var started = Clock.Now;
        var sessionId = (await _api.Post(Secretariat, $"/api/forums/{ForumId}/sessions", new
        {
            title, startsAt = DateTimeOffset.UtcNow.AddHours(1), endsAt = DateTimeOffset.UtcNow.AddHours(4),
            mode = "Hybrid", venue = "Chișinău", onlineUrl = "https://meet.example.org/bench", language = "en",
        }, HttpStatusCode.Created)).GetProperty("sessionId").GetGuid();
        var itemId = (await _api.Post(Secretariat, $"/api/sessions/{sessionId}/agenda",
            new { title = "Commitment 3: beneficial ownership register", kind = "Decision", presenter = "Ministry of Justice", minutes = 30 },
            HttpStatusCode.Created)).GetProperty("itemId").GetGuid();
        await _api.Post(GovChair.Token, $"/api/sessions/{sessionId}/open", new { });
        // Check-ins serialise on the session's lock; a few at a time keeps the pool busy without piling up waiters.
        await Parallel.ForEachAsync(Members.Take(members), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (m, _) =>
            await _api.Post(m.Token, $"/api/sessions/{sessionId}/check-in", new { presence = m.Index % 2 == 0 ? "InRoom" : "Online" }));
        await _api.Post(CsoChair.Token, $"/api/sessions/{sessionId}/items/{itemId}/open", new { });
        await _api.Post(GovChair.Token, $"/api/sessions/{sessionId}/items/{itemId}/proposal", new { text = "Publish the register as open data by June." });
        Log.Info($"session '{title}' open with {members} checked in, in {Clock.Ms(started, Clock.Now) / 1000:F1} s");
        return new OpenSession(sessionId, itemId, members);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}

public static class Log
{
    public static void Info(string message) => Console.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");
}
