using System.Collections.Concurrent;
using Marten.Services;
using Microsoft.Extensions.Caching.Memory;

namespace Forum.Host.Infrastructure;

/// <summary>
/// The one read path for cached state, and the one place that says what is cached and why.
///
/// What: the decision states <see cref="ForumState"/> and <see cref="SessionState"/>, the newest committed one of each
/// stream this host has seen. Why: they are read by every door check (a forum of 2,000 members is ~460 KiB of JSON, a
/// session's invitations and attendance as much again), far more often than they change — positions are not in the
/// session's state, so a room submitting at once does not change it (ADR 0013). How: they are immutable records, so one
/// copy serves every reader; a read asks the store for the document's version only (a tiny query) and deserialises the
/// document only when this host does not hold that version. Commits on this host refresh it at once. Door checks that a
/// later step decides again (a position is decided again under the session's lock, ADR 0007) may take a copy checked
/// within <see cref="ForDoors"/> without asking the store at all, and those arriving together share one question to the
/// store (<see cref="Shared{T}"/>): a room submitting at once then costs one query here, not one per submission.
/// Eviction: least recently used first, beyond <see cref="Capacity"/> entries (MemoryCache with a size limit).
/// </summary>
public sealed class StateCache : DocumentSessionListenerBase, IDisposable
{
    public const int Capacity = 2000;
    /// <summary>How old a checked copy a door check may take; commits made elsewhere reach it within this.</summary>
    public static readonly TimeSpan ForDoors = TimeSpan.FromMilliseconds(250);
    private readonly MemoryCache _states = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.1 });
    private readonly ConcurrentDictionary<Guid, Lazy<Task<object?>>> _checks = new();

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var doc in commit.Updated.Concat(commit.Inserted))
        {
            if (doc is SessionState s) Remember(s.Id, s.Version, s);
            else if (doc is ForumState f) Remember(f.Id, f.Version, f);
        }
        return Task.CompletedTask;
    }

    /// <param name="maxAge">How long ago the copy may have been checked against the store (zero: check now).</param>
    public Task<SessionState?> Session(IQuerySession session, Guid id, TimeSpan maxAge = default) =>
        Recent<SessionState>(id, maxAge) is { } recent ? Task.FromResult<SessionState?>(recent)
        : maxAge > TimeSpan.Zero ? Shared(id, () => CheckSession(session, id))
        : CheckSession(session, id);

    private async Task<SessionState?> CheckSession(IQuerySession session, Guid id)
    {
        var versions = await session.Query<SessionState>().Where(s => s.Id == id).Select(s => s.Version).ToListAsync();
        return versions.Count == 0 ? null : Held<SessionState>(id, versions[0]) ?? Remember(id, versions[0], await session.LoadAsync<SessionState>(id));
    }

    /// <param name="maxAge">How long ago the copy may have been checked against the store (zero: check now).</param>
    public Task<ForumState?> Forum(IQuerySession session, Guid id, TimeSpan maxAge = default) =>
        Recent<ForumState>(id, maxAge) is { } recent ? Task.FromResult<ForumState?>(recent)
        : maxAge > TimeSpan.Zero ? Shared(id, () => CheckForum(session, id))
        : CheckForum(session, id);

    private async Task<ForumState?> CheckForum(IQuerySession session, Guid id)
    {
        var versions = await session.Query<ForumState>().Where(f => f.Id == id).Select(f => f.Version).ToListAsync();
        return versions.Count == 0 ? null : Held<ForumState>(id, versions[0]) ?? Remember(id, versions[0], await session.LoadAsync<ForumState>(id));
    }

    /// <summary>
    /// The state at <paramref name="version"/> (read by the caller, e.g. in a batch with its other reads): the copy this host
    /// holds at that version, else the stored one. No version: there is no such document.
    /// </summary>
    public async Task<T?> At<T>(IQuerySession session, Guid id, long? version) where T : class =>
        version is not { } v ? null : Held<T>(id, v) ?? Remember(id, v, await session.LoadAsync<T>(id));

    /// <summary>The newest copy this host holds, of whatever version: for what never changes (a session's forum) or is checked after.</summary>
    public T? Known<T>(Guid id) where T : class => _states.TryGetValue(id, out Entry? hit) ? hit!.State as T : null;

    /// <summary>
    /// Door reads that arrive while one of them is asking the store about the same stream wait for that answer instead of
    /// asking again: it is newer than the copy they would accept. A room of 200 submitting at once, or 2,000 screens
    /// joining, then asks once per stream instead of once per request. A check that fails is not shared: each asks alone.
    /// </summary>
    private async Task<T?> Shared<T>(Guid id, Func<Task<T?>> check) where T : class
    {
        var mine = new Lazy<Task<object?>>(async () => await check());
        var inFlight = _checks.GetOrAdd(id, mine);
        try
        {
            return (T?)await inFlight.Value;
        }
        catch when (!ReferenceEquals(inFlight, mine))
        {
            return await check();
        }
        finally
        {
            if (ReferenceEquals(inFlight, mine)) _checks.TryRemove(KeyValuePair.Create(id, mine));
        }
    }

    private sealed record Entry(long Version, object State, long CheckedAt);

    private T? Recent<T>(Guid id, TimeSpan maxAge) where T : class =>
        maxAge > TimeSpan.Zero && _states.TryGetValue(id, out Entry? hit) && Environment.TickCount64 - hit!.CheckedAt <= maxAge.TotalMilliseconds
            ? hit.State as T : null;

    private T? Held<T>(Guid id, long version) where T : class
    {
        if (!_states.TryGetValue(id, out Entry? hit) || hit!.Version != version) return null;
        _states.Set(id, hit with { CheckedAt = Environment.TickCount64 }, new MemoryCacheEntryOptions { Size = 1 });
        return hit.State as T;
    }

    /// <summary>Kept under the version read first: if the document turned out newer, the next read simply loads again.</summary>
    private T? Remember<T>(Guid id, long version, T? state) where T : class
    {
        if (state is null) return null;
        if (!_states.TryGetValue(id, out Entry? held) || held!.Version <= version)
            _states.Set(id, new Entry(version, state, Environment.TickCount64), new MemoryCacheEntryOptions { Size = 1 });
        return state;
    }

    public void Dispose() => _states.Dispose();
}
