using System.Net.Http.Json;
using System.Text.Json;
using Forum.Host.Identity;
using Forum.Tests.Sessions;
using Forum.Tests.Support;
using JasperFx;
using Marten;
using netDumbster.smtp;
using Npgsql;
using Weasel.Core;

namespace Forum.Tests.ScaleOut;

/// <summary>
/// Two Forum hosts as separate processes on one PostgreSQL schema and one Redis (FORUM_REDIS, which ./test.sh
/// provides), sharing a data directory (data-protection and signing keys) as docker/compose.yaml does, behind nginx.
/// Both start at once, as compose starts them. The schema is dropped once at the start; tests build their own forums
/// rather than resetting data under running hosts.
/// </summary>
public sealed class TwoHostsFixture : IAsyncLifetime
{
    public const string Schema = "t_scaleout";
    private readonly string _work = Directory.CreateTempSubdirectory("forum-scaleout-").FullName;
    private DocumentStore _accounts = null!;

    public HostProcess A { get; private set; } = null!;
    public HostProcess B { get; private set; } = null!;
    public ReverseProxy Proxy { get; private set; } = null!;
    public SimpleSmtpServer Smtp { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static string Redis =>
        Environment.GetEnvironmentVariable("FORUM_REDIS")
        ?? throw new InvalidOperationException("FORUM_REDIS is not set: run the suite with ./test.sh, which provides a Redis.");

    public async Task InitializeAsync()
    {
        await using (var db = new NpgsqlConnection(AppFixture.ConnectionString))
        {
            await db.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {Schema} cascade", db);
            await drop.ExecuteNonQueryAsync();
        }
        Smtp = SimpleSmtpServer.Start(HostProcess.FreePort());
        var data = Path.Combine(_work, "data");
        HostProcess Host(string name) => new(name, new Dictionary<string, string>
        {
            // Each host names its connections, so a test can see which one holds a lock.
            ["FORUM_DB"] = $"{AppFixture.ConnectionString};Application Name=forum-{name}",
            ["Redis__Connection"] = Redis,
            ["Forum__Schema"] = Schema,
            ["Forum__DataDirectory"] = data,
            ["Forum__PublicUrl"] = "http://forum.test",
            ["Forum__SecretariatEmail"] = "secretariat@forum.test",
            ["Forum__SignInLinksPerClient"] = "10000",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = Smtp.Configuration.Port.ToString(),
            ["Smtp__From"] = "Forum <forum@forum.test>",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__Format"] = "text",
            ["Logging__LogLevel__Default"] = "Warning",
            // Which node each host is, and when it takes the lead (HostProcess.NodeId).
            ["Logging__LogLevel__Wolverine.Runtime.Agents.NodeAgentController"] = "Information",
        }, Path.Combine(_work, name));
        A = Host("a");
        B = Host("b");
        await Task.WhenAll(A.Start(), B.Start());
        Proxy = await ReverseProxy.Start(Path.Combine(_work, "nginx"), [A, B]);
        _accounts = DocumentStore.For(o =>
        {
            o.Connection(AppFixture.ConnectionString);
            o.DatabaseSchemaName = Schema;
            o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            o.AddIdentityDocuments();
            // The hosts made the tables; this store only adds accounts and their tokens.
            o.AutoCreateSchemaObjects = AutoCreate.None;
        });
    }

    /// <summary>Both hosts up again after a test stopped or killed one.</summary>
    public Task BothRunning() => Task.WhenAll(new[] { A, B }.Where(h => !h.Running).Select(h => h.Start()));

    public Api Through(HostProcess host) => new(Http, host.Address);
    public Api ThroughProxy => new(Http, Proxy.Address);

    /// <summary>Accounts with personal API tokens, written straight to the store: there is no API to mint a token for someone else.</summary>
    public async Task<string[]> Tokens(IEnumerable<string> emails, bool administrator = false)
    {
        await using var session = _accounts.LightweightSession();
        var now = DateTimeOffset.UtcNow;
        var tokens = new List<string>();
        foreach (var email in emails)
        {
            session.IssueToken(await session.FindOrCreate(email, now, administrator), "test", now, out var secret);
            tokens.Add(secret);
        }
        await session.SaveChangesAsync();
        return tokens.ToArray();
    }

    /// <summary>Rows of the hosts' shared schema, for what only the database shows (Wolverine's nodes and their agents).</summary>
    public async Task<List<T>> Query<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var db = new NpgsqlConnection(AppFixture.ConnectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql.Replace("{schema}", Schema), db);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    public async Task DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        await Task.WhenAll(new[] { A, B }.Where(h => h is not null).Select(h => h.DisposeAsync().AsTask()));
        if (_accounts is not null) await _accounts.DisposeAsync();
        Smtp?.Stop();
        Http.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}

[CollectionDefinition(Name)]
public class TwoHostsCollection : ICollectionFixture<TwoHostsFixture>
{
    public const string Name = "two hosts";
}

/// <summary>JSON over HTTP to one host (or the proxy) with a bearer token; asserts the status it expects.</summary>
public sealed class Api(HttpClient http, Uri address)
{
    public Uri Address => address;

    public async Task<JsonElement> Send(HttpMethod method, string? token, string path, object? body, int status, string? idempotencyKey = null)
    {
        using var response = await Raw(method, token, path, body, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, $"{method} {path} through {address}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> Raw(HttpMethod method, string? token, string path, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(address, path.TrimStart('/')));
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await http.SendAsync(request);
    }

    public Task<JsonElement> Post(string? token, string path, object body, int status = 200) => Send(HttpMethod.Post, token, path, body, status);
    public Task<JsonElement> Get(string? token, string path, int status = 200) => Send(HttpMethod.Get, token, path, null, status);
}

/// <summary>An open session with its decision item open and every member checked in: a room ready to submit positions.</summary>
public sealed record Room(Guid ForumId, Guid SessionId, Guid ItemId, string Secretariat, Person Chair, IReadOnlyList<Person> Members)
{
    public string Url(string path = "") => $"/api/sessions/{SessionId}{path}";
    public string Positions => $"/api/sessions/{SessionId}/items/{ItemId}/positions";
}

/// <summary>Base of the two-host tests: both hosts running and no mail received before each test.</summary>
public abstract class TwoHostsContext(TwoHostsFixture fixture) : IAsyncLifetime
{
    protected TwoHostsFixture Fixture { get; } = fixture;
    protected HostProcess A => Fixture.A;
    protected HostProcess B => Fixture.B;

    public async Task InitializeAsync()
    {
        await Fixture.BothRunning();
        Fixture.Smtp.ClearReceivedEmail();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A forum with <paramref name="members"/> members (the first a co-chair) and a session, built through
    /// <paramref name="api"/>; opened, with everyone checked in and the decision item open, unless <paramref name="open"/> is false.
    /// </summary>
    protected async Task<Room> NewRoom(Api api, int members, bool open = true)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var admin = (await Fixture.Tokens([$"admin-{run}@forum.test"], administrator: true))[0];
        var forumId = (await api.Post(admin, "/api/forums", new { name = $"Forum {run}", country = "Moldova", language = "en" }, 201)).GetProperty("forumId").GetGuid();
        var secEmail = $"sec-{run}@forum.test";
        await api.Post(admin, $"/api/forums/{forumId}/secretariat", new { email = secEmail }, 204);
        var sec = (await Fixture.Tokens([secEmail]))[0];
        string[] groups = ["Government", "CivilSociety", "Other"];
        var emails = Enumerable.Range(0, members).Select(i => $"m{i}-{run}@forum.test").ToArray();
        var ids = new List<Guid>();
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
            ids.Add((await api.Post(sec, $"/api/forums/{forumId}/members",
                new { name = $"Member {i}", email, organisation = "Org", group = groups[i % 3], role = "Member" }, 201)).GetProperty("memberId").GetGuid());
        var tokens = await Fixture.Tokens(emails);
        var people = ids.Select((id, i) => new Person(id, $"Member {i}", emails[i], tokens[i])).ToList();
        await api.Post(sec, $"/api/forums/{forumId}/co-chairs", new { memberId = people[0].MemberId }, 204);
        var starts = DateTimeOffset.UtcNow.AddDays(1);
        var sessionId = (await api.Post(sec, $"/api/forums/{forumId}/sessions", new
        {
            title = "Plenary", startsAt = starts, endsAt = starts.AddHours(3), mode = "Hybrid", venue = "Chișinău",
            onlineUrl = "https://meet.example.org/plenary", language = "en",
        }, 201)).GetProperty("sessionId").GetGuid();
        var itemId = (await api.Post(sec, $"/api/sessions/{sessionId}/agenda", new { title = "Commitment 3", kind = "Decision", minutes = 30 }, 201))
            .GetProperty("itemId").GetGuid();
        var room = new Room(forumId, sessionId, itemId, sec, people[0], people);
        if (!open) return room;
        await api.Post(room.Chair.Token, room.Url("/open"), new { });
        // Check-ins take the session's lock in turn: sent together, they wait for each other rather than for the network.
        await Task.WhenAll(people.Select(p => api.Post(p.Token, room.Url("/check-in"), new { presence = "Online" })));
        await api.Post(room.Chair.Token, room.Url($"/items/{itemId}/open"), new { });
        await api.Post(room.Chair.Token, room.Url($"/items/{itemId}/proposal"), new { text = "Publish the register as open data by June." });
        return room;
    }

    /// <summary>What each member's position on the decision item says, as the board shows it (statement, or null).</summary>
    protected static Dictionary<Guid, string?> Statements(Room room, JsonElement board)
    {
        var item = board.GetProperty("agenda").EnumerateArray().Single(i => i.GetProperty("itemId").GetGuid() == room.ItemId);
        var positions = item.GetProperty("positions");
        return room.Members.ToDictionary(m => m.MemberId,
            m => positions.TryGetProperty(m.MemberId.ToString(), out var p) ? p.GetProperty("statement").GetString() : null);
    }

    /// <summary>Polls the board through <paramref name="api"/> until every member shows what <paramref name="expected"/> says.</summary>
    protected async Task BoardShows(Api api, Room room, IReadOnlyDictionary<Guid, string> expected, TimeSpan within)
    {
        Dictionary<Guid, string?> shown = [];
        await Poll.Until(async () =>
        {
            shown = Statements(room, await api.Get(room.Chair.Token, room.Url()));
            return expected.All(e => shown[e.Key] == e.Value);
        }, within, () => "the board shows " + string.Join("; ", expected.Where(e => shown.GetValueOrDefault(e.Key) != e.Value)
            .Select(e => $"{room.Members.First(m => m.MemberId == e.Key).Name}: '{shown.GetValueOrDefault(e.Key)}', not '{e.Value}'")));
    }
}
