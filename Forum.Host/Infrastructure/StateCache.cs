using System.Collections.Concurrent;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Marten;
using Marten.Services;

namespace Forum.Host.Infrastructure;

/// <summary>
/// The decision states of forums and sessions are immutable records, so the newest committed one can be shared by
/// every reader on this host. A read asks the store for the stream's version only (a tiny query) and deserialises
/// the document only when this host has not seen that version — at 1,000 members a ForumState is ~230 KiB and a
/// SessionState ~300 KiB, read on every submitted position's door check.
/// </summary>
public sealed class StateCache : DocumentSessionListenerBase
{
    private const int MaxEntries = 2000;
    private readonly ConcurrentDictionary<Guid, (long Version, object State)> _states = new();

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var doc in commit.Updated.Concat(commit.Inserted))
        {
            if (doc is SessionState s) Remember(s.Id, s.Version, s);
            else if (doc is ForumState f) Remember(f.Id, f.Version, f);
        }
        return Task.CompletedTask;
    }

    public Task<SessionState?> Session(IQuerySession session, Guid id) => Load<SessionState>(session, id);
    public Task<ForumState?> Forum(IQuerySession session, Guid id) => Load<ForumState>(session, id);

    private async Task<T?> Load<T>(IQuerySession session, Guid id) where T : class
    {
        var stream = await session.Events.FetchStreamStateAsync(id);
        if (stream is null) return null;
        if (_states.TryGetValue(id, out var hit) && hit.Version == stream.Version && hit.State is T cached) return cached;
        var state = await session.LoadAsync<T>(id);
        // Remembered under the version read first: if the document is newer, the next read simply loads again.
        if (state is not null) Remember(id, stream.Version, state);
        return state;
    }

    private void Remember(Guid id, long version, object state)
    {
        if (_states.Count > MaxEntries) _states.Clear();
        _states.AddOrUpdate(id, (version, state), (_, old) => version >= old.Version ? (version, state) : old);
    }
}
