using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Forum.Bench;

/// <summary>
/// One run's submissions: when each was meant to be sent, by whom, and who has seen it. A submission's statement is
/// <c>b:KEY:INDEX</c>, so any client can tell which submission of which run it is looking at.
/// </summary>
public sealed class RunLedger(int count)
{
    public string Key { get; } = Guid.NewGuid().ToString("N")[..8];
    public int Count { get; } = count;
    public long[] Intended { get; } = new long[count];
    public int[] MemberOf { get; } = new int[count];
    public int[] SeenBy { get; } = new int[count];
    public long[] LastSeen { get; } = new long[count];
    public long TotalSightings;
    public string Prefix => $"b:{Key}:";
    public string Statement(int i) => Prefix + i;

    public bool TryIndex(string? statement, out int index)
    {
        index = -1;
        if (statement is null || !statement.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        return int.TryParse(statement.AsSpan(Prefix.Length), out index) && index >= 0 && index < Count;
    }

    public void Sighted(int i, long at)
    {
        Interlocked.Increment(ref SeenBy[i]);
        Interlocked.Increment(ref TotalSightings);
        long seen;
        while ((seen = Volatile.Read(ref LastSeen[i])) < at && Interlocked.CompareExchange(ref LastSeen[i], at, seen) != seen) { }
    }
}

/// <summary>A simulated screen: what it saw of the current run, when, and what went wrong on the way.</summary>
public abstract class Participant : IAsyncDisposable
{
    protected readonly Lock Gate = new();
    protected HubConnection Connection = null!;
    protected RunLedger? Ledger;
    private bool[] _seen = [];
    private bool[] _seenByPush = [];
    public List<double> Latencies { get; private set; } = [];
    public int Pushes, OutOfOrder, Duplicates, Stale, Gaps, Reconnects, Closed, Refused, Errors;

    public bool HasSeen(int i) { lock (Gate) return _seen[i]; }

    public void Begin(RunLedger ledger)
    {
        lock (Gate)
        {
            Ledger = ledger;
            _seen = new bool[ledger.Count];
            _seenByPush = new bool[ledger.Count];
            Latencies = new List<double>(ledger.Count);
            Pushes = OutOfOrder = Duplicates = Stale = Gaps = Reconnects = Closed = Refused = Errors = 0;
            OnBegin();
        }
    }

    protected virtual void OnBegin() { }

    /// <summary>Called under the gate. A submission shown twice by pushes counts as a duplicate.</summary>
    protected void Seen(string? statement, long at, bool viaPush)
    {
        if (Ledger is not { } ledger || !ledger.TryIndex(statement, out var i)) return;
        if (_seen[i])
        {
            if (viaPush && _seenByPush[i]) Duplicates++;
            if (viaPush) _seenByPush[i] = true;
            return;
        }
        _seen[i] = true;
        if (viaPush) _seenByPush[i] = true;
        var intended = ledger.Intended[i];
        if (intended == 0) return; // seen before it was sent: impossible unless keys collide
        Latencies.Add(Clock.Ms(intended, at));
        ledger.Sighted(i, at);
    }

    protected static HubConnection Build(string url, string? token, Action<HubConnection> handlers)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)])
            .Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(60);
        connection.HandshakeTimeout = TimeSpan.FromSeconds(30);
        handlers(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        try { await Connection.DisposeAsync(); } catch (Exception) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A Forum client as a browser would be: joins the session, applies BoardChanged in version order, rejoins on a gap.
/// </summary>
public sealed class ForumParticipant(Guid sessionId, Guid itemId) : Participant
{
    private long _version = -1;
    private long _lastPushVersion = -1;
    private bool _joining;
    private readonly List<(long Version, JsonElement Change)> _buffer = [];
    // As live.js: a push that starts past the board waits a moment for the one before it (pushes from two hosts may cross).
    private readonly List<JsonElement> _held = [];
    private Timer? _gapTimer;
    private static readonly TimeSpan GapHold = TimeSpan.FromMilliseconds(500);

    public long Version { get { lock (Gate) return _version; } }

    public async Task Connect(string baseUrl, string token, CancellationToken ct)
    {
        Connection = Build(baseUrl + "/hubs/sessions", token, c =>
        {
            c.On<Guid, long, JsonElement>("BoardChanged", OnChanged);
            c.On<Guid, Guid, JsonElement>("SubmissionRefused", (_, _, _) => { lock (Gate) Refused++; });
            c.Reconnected += _ => { lock (Gate) Reconnects++; return Rejoin(counted: false); };
            c.Closed += _ => { lock (Gate) Closed++; return Task.CompletedTask; };
        });
        await Connection.StartAsync(ct);
        await Rejoin(counted: false);
    }

    private void OnChanged(Guid session, long version, JsonElement change)
    {
        var now = Clock.Now;
        lock (Gate)
        {
            Pushes++;
            if (version < _lastPushVersion) OutOfOrder++;
            _lastPushVersion = Math.Max(_lastPushVersion, version);
            if (_joining) { _buffer.Add((version, change)); return; }
            if (!Apply(change, now))
            {
                _held.Add(change);
                if (_held.Count == 1) _gapTimer = new Timer(_ => GapNotFilled(), null, GapHold, Timeout.InfiniteTimeSpan);
                return;
            }
            foreach (var held in _held.OrderBy(c => c.GetProperty("fromVersion").GetInt64()).ToList())
            {
                if (held.GetProperty("fromVersion").GetInt64() > _version) break;
                _held.Remove(held);
                Apply(held, now);
            }
        }
    }

    private void GapNotFilled()
    {
        lock (Gate)
        {
            if (_held.Count == 0) return;
            _held.Clear();
        }
        _ = Rejoin(counted: true);
    }

    /// <summary>Under the gate. False when the change starts past what this screen has: a gap, so join again.</summary>
    private bool Apply(JsonElement change, long at)
    {
        var from = change.GetProperty("fromVersion").GetInt64();
        var to = change.GetProperty("toVersion").GetInt64();
        if (to <= _version) { Stale++; return true; }
        if (from > _version) return false;
        foreach (var p in change.GetProperty("positions").EnumerateArray())
            // A pushed position leaves "withdrawn" out when it is false (ADR 0032).
            if (!(p.TryGetProperty("withdrawn", out var withdrawn) && withdrawn.GetBoolean())) Seen(p.GetProperty("statement").GetString(), at, viaPush: true);
        _version = to;
        return true;
    }

    public async Task Rejoin(bool counted)
    {
        lock (Gate)
        {
            if (_joining) return;
            _joining = true;
            _held.Clear();
            if (counted) Gaps++;
        }
        var again = false;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var joined = await Connection.InvokeAsync<JsonElement>("Join", sessionId, timeout.Token);
            var now = Clock.Now;
            lock (Gate)
            {
                var version = joined.GetProperty("version").GetInt64();
                if (version > _version)
                {
                    foreach (var item in joined.GetProperty("board").GetProperty("agenda").EnumerateArray())
                    {
                        if (item.GetProperty("itemId").GetGuid() != itemId) continue;
                        foreach (var position in item.GetProperty("positions").EnumerateObject())
                            Seen(position.Value.GetProperty("statement").GetString(), now, viaPush: false);
                    }
                    _version = version;
                }
                foreach (var (_, change) in _buffer.OrderBy(b => b.Version))
                    if (!Apply(change, now)) { again = true; break; }
                _buffer.Clear();
                _joining = false;
            }
        }
        catch (Exception)
        {
            lock (Gate) { Errors++; _joining = false; _buffer.Clear(); }
        }
        if (again) _ = Rejoin(counted: true);
    }
}

/// <summary>A client of the bare baseline hub: one message per submission.</summary>
public sealed class BareParticipant : Participant
{
    private int _lastSeq = -1;

    protected override void OnBegin() => _lastSeq = -1;

    public async Task Connect(string baseUrl, CancellationToken ct)
    {
        Connection = Build(baseUrl + BareHub.Path, null, c =>
        {
            c.On<JsonElement>("Msg", m =>
            {
                var now = Clock.Now;
                lock (Gate)
                {
                    Pushes++;
                    var seq = m.GetProperty("seq").GetInt32();
                    if (seq < _lastSeq) OutOfOrder++;
                    _lastSeq = Math.Max(_lastSeq, seq);
                    Seen(m.GetProperty("statement").GetString(), now, viaPush: true);
                }
            });
            c.Reconnected += _ => { lock (Gate) Reconnects++; return c.InvokeAsync("Join"); };
            c.Closed += _ => { lock (Gate) Closed++; return Task.CompletedTask; };
        });
        await Connection.StartAsync(ct);
        await Connection.InvokeAsync("Join", ct);
    }
}
