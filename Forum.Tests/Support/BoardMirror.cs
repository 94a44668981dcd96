using Alba;
using Forum.Host.Infrastructure;
using Forum.Host.Live;
using Forum.Projections.Sessions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Support;

/// <summary>
/// A participant's screen as a real SignalR client over a WebSocket: joins, applies pushed changes in version order,
/// rejoins on a gap, and lets a test await what the screen shows.
/// </summary>
public sealed class BoardMirror : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Guid _sessionId;
    private readonly Lock _lock = new();
    private readonly List<(Func<SessionBoard, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public SessionBoard Board { get; private set; } = null!;
    public List<long> AppliedVersions { get; } = [];
    public int Rejoins { get; private set; }
    /// <summary>Every position a push carried, by member and the version it changed at, stale pushes included.</summary>
    public List<(Guid MemberId, long Version)> PushedPositions { get; } = [];
    private readonly List<BoardChange> _held = [];
    private Timer? _gapTimer;
    /// <summary>As long as live.js holds a push that starts past the board (its gapHoldMs).</summary>
    private static readonly TimeSpan GapHold = TimeSpan.FromMilliseconds(500);
    public int Reconnects { get; private set; }
    public List<Guid> Refused { get; } = [];

    private BoardMirror(HubConnection connection, Guid sessionId)
    {
        _connection = connection;
        _sessionId = sessionId;
        connection.On<Guid, long, BoardChange>(nameof(ISessionClient.BoardChanged), (_, _, change) => OnChange(change));
        connection.On<Guid, Guid, Microsoft.AspNetCore.Mvc.ProblemDetails>(nameof(ISessionClient.SubmissionRefused), (_, id, _) =>
        {
            lock (_lock)
            {
                Refused.Add(id);
                Signal();
            }
        });
    }

    public static HubConnection Connect(IAlbaHost host, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, "hubs/sessions"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                // The test server's WebSocket client ignores the client's own headers: pass the token ourselves.
                o.WebSocketFactory = async (context, ct) =>
                {
                    var client = host.Server.CreateWebSocketClient();
                    if (token is not null) client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + token;
                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .AddJsonProtocol(o => Forum.Host.Infrastructure.Web.Configure(o.PayloadSerializerOptions))
            .Build();

    public static async Task<BoardMirror> Join(IAlbaHost host, string token, Guid sessionId)
    {
        var mirror = new BoardMirror(Connect(host, token), sessionId);
        await mirror._connection.StartAsync();
        await mirror.Rejoin();
        return mirror;
    }

    /// <summary>
    /// A screen on a real address (a host, or the proxy in front of several), behaving as the page does (live.js):
    /// WebSockets only, and when the connection drops it reconnects on its own and joins again, without a reload.
    /// </summary>
    public static async Task<BoardMirror> Join(Uri address, string token, Guid sessionId)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "hubs/sessions"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .WithAutomaticReconnect(new LikeThePage())
            .AddJsonProtocol(o => Forum.Host.Infrastructure.Web.Configure(o.PayloadSerializerOptions))
            .Build();
        var mirror = new BoardMirror(connection, sessionId);
        connection.Reconnected += async _ =>
        {
            mirror.Reconnects++;
            await mirror.Rejoin();
        };
        await connection.StartAsync();
        await mirror.Rejoin();
        return mirror;
    }

    /// <summary>live.js's retry delays, then every 5 s; a test gives up after a minute.</summary>
    private sealed class LikeThePage : IRetryPolicy
    {
        private static readonly int[] Delays = [0, 300, 1000, 2000, 3000];

        public TimeSpan? NextRetryDelay(RetryContext context) =>
            context.ElapsedTime > TimeSpan.FromMinutes(1) ? null
                : TimeSpan.FromMilliseconds(context.PreviousRetryCount < Delays.Length ? Delays[context.PreviousRetryCount] : 5000);
    }

    public async Task Rejoin()
    {
        var joined = await _connection.InvokeAsync<JoinResult>("Join", _sessionId);
        lock (_lock)
        {
            if (Board is null || joined.Version >= Board.Version) Board = joined.Board;
            Signal();
        }
    }

    public Task Disconnect() => _connection.StopAsync();

    /// <summary>Stops following the session (the hub's Leave), still connected.</summary>
    public Task Leave() => _connection.InvokeAsync("Leave", _sessionId);

    public async Task Reconnect()
    {
        await _connection.StartAsync();
        Rejoins++;
        await Rejoin();
    }

    private void OnChange(BoardChange change)
    {
        lock (_lock)
        {
            PushedPositions.AddRange(change.Positions.Select(p => (p.MemberId, p.Version)));
            if (change.ToVersion <= Board.Version) return;          // already seen: never go back to an older board
            if (change.FromVersion > Board.Version)
            {
                // Pushes from two hosts may cross on the way: hold this one a moment for the one before it, as live.js does.
                _held.Add(change);
                if (_held.Count == 1) _gapTimer = new Timer(_ => _ = GapNotFilled(), null, GapHold, Timeout.InfiniteTimeSpan);
                return;
            }
            Apply(Board, change);
            AppliedVersions.Add(change.ToVersion);
            foreach (var held in _held.OrderBy(c => c.FromVersion).ToList())
            {
                if (held.FromVersion > Board.Version) break;
                _held.Remove(held);
                if (held.ToVersion <= Board.Version) continue;
                Apply(Board, held);
                AppliedVersions.Add(held.ToVersion);
            }
            Signal();
        }
    }

    private async Task GapNotFilled()
    {
        lock (_lock)
        {
            if (_held.Count == 0) return;
            _held.Clear();
            Rejoins++;
        }
        await Rejoin();
    }

    /// <summary>The same rule the browser applies: replace the board's small parts when they came, upsert the touched records by version.</summary>
    public static void Apply(SessionBoard b, BoardChange c)
    {
        b.Version = c.ToVersion;
        if (c.Header is { } h)
        {
            b.Status = h.Status; b.CurrentItemId = h.CurrentItemId; b.Title = h.Title; b.StartsAt = h.StartsAt; b.EndsAt = h.EndsAt; b.Venue = h.Venue;
            b.OnlineUrl = h.OnlineUrl; b.CancelReason = h.CancelReason; b.OpenedAt = h.OpenedAt; b.ClosedAt = h.ClosedAt; b.Attendance = h.Attendance;
            b.VotingPresent = h.VotingPresent; b.Attended = h.Attended; b.VotingMembers = h.VotingMembers; b.Rules = h.Rules; b.CoChairs = h.CoChairs;
            b.Quorum = h.Quorum; b.FullestQuorum = h.FullestQuorum; b.Hands = h.Hands; b.Floor = h.Floor; b.SpeakingSeconds = h.SpeakingSeconds;
            b.Rsvp = h.Rsvp; b.RsvpPending = h.RsvpPending; b.Invited = h.Invited;
        }
        foreach (var item in c.Items)
        {
            var existing = b.Agenda.FirstOrDefault(i => i.ItemId == item.ItemId);
            item.Positions = existing?.Positions ?? [];
            if (existing is not null) b.Agenda.Remove(existing);
            b.Agenda.Add(item);
        }
        if (c.AgendaOrder is { } order) b.Agenda = b.Agenda.OrderBy(i => order.IndexOf(i.ItemId)).ToList();
        foreach (var t in c.Tallies)
            if (b.Agenda.FirstOrDefault(i => i.ItemId == t.ItemId) is { } item)
            {
                // As board.js: the item's tally is the sum of its tally by group, which is all a push carries.
                item.Tally = t.TallyByGroup.Values.SelectMany(g => g).GroupBy(s => s.Key).ToDictionary(s => s.Key, s => s.Sum(x => x.Value));
                item.TallyByGroup = t.TallyByGroup; item.Vote = t.Vote;
            }
        foreach (var p in c.Positions)
        {
            if (b.Agenda.FirstOrDefault(i => i.ItemId == p.ItemId) is not { } item) continue;
            if (item.Positions.TryGetValue(p.MemberId, out var held) && held.Version >= p.Version) continue;
            if (p.Withdrawn) item.Positions.Remove(p.MemberId);
            else item.Positions[p.MemberId] = new BoardPosition
            {
                Id = BoardKeys.Position(b.Id, p.ItemId, p.MemberId), SessionId = b.Id, ItemId = p.ItemId, MemberId = p.MemberId, Name = p.Name, Group = p.Group,
                Stance = p.Stance, Statement = p.Statement, At = p.At, Revision = p.Revision, RecordedBySecretariat = p.RecordedBySecretariat, Version = p.Version,
            };
        }
        foreach (var a in c.Attendees)
        {
            if (b.Attendees.TryGetValue(a.MemberId, out var held) && held.Version >= a.Version) continue;
            if (a.Present) b.Attendees[a.MemberId] = a; else b.Attendees.Remove(a.MemberId);
        }
    }

    /// <summary>Completes when the screen shows what the condition asks for (an awaited signal, not a sleep).</summary>
    public Task Until(Func<SessionBoard, bool> condition, int seconds = 15)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(Board)) return Task.CompletedTask;
            _waiters.Add((condition, done));
        }
        return done.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
    }

    public Task UntilRefused(Guid submissionId) => Until(_ => Refused.Contains(submissionId));

    private void Signal()
    {
        foreach (var w in _waiters.ToList().Where(w => w.Condition(Board)))
        {
            _waiters.Remove(w);
            w.Done.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_gapTimer is not null) await _gapTimer.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
