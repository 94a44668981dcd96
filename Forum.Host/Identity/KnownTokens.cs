using System.Collections.Concurrent;
using Marten.Services;

namespace Forum.Host.Identity;

/// <summary>
/// The personal API tokens this host has looked up lately, with their accounts (ADR 0026). Without it every request and
/// every hub connection with a token asked the store twice (the token by its hash, then its account): a room of 200
/// sending at once, or 2,000 screens joining (each authenticates twice: negotiate and connect), paid that many queries.
///
/// What stays true: a token revoked on this host is refused at once (its commit here forgets it); a token revoked on
/// another host, or deleted, is refused here within <c>Live:TokenCheckSeconds</c> (<see cref="TokenConnections"/> asks the
/// store which of the tokens this host holds are still valid, and forgets the rest), the same bound that already held for
/// its open hub connections. An account changed on this host (language, administrator) is forgotten at once; one changed
/// elsewhere, or deleted, within the same look (which reads the accounts held and forgets those that differ). Nothing
/// expires by age: a room's tokens all expiring together made the whole room ask the store again at once, a burst of
/// 200 then taking 1.1–1.5 s instead of 50–70 ms (docs/benchmarks.md). An unknown secret is never remembered.
/// </summary>
public sealed class KnownTokens : DocumentSessionListenerBase
{
    /// <summary>Tokens not used for this long are dropped, so the cache holds what is in use, not every token ever seen.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    public sealed record Known(ApiToken Token, Account Account)
    {
        public long LastUsedAt { get; set; } = Environment.TickCount64;
    }

    private readonly ConcurrentDictionary<string, Lazy<Task<Known?>>> _byHash = new();

    /// <summary>The valid token with this hash and its account, or null: unknown, revoked, or its account gone.</summary>
    public async Task<Known?> Find(IDocumentStore store, string hash, CancellationToken ct)
    {
        var mine = new Lazy<Task<Known?>>(() => Read(store, hash, ct));
        var entry = _byHash.GetOrAdd(hash, mine);
        Known? known;
        try
        {
            known = await entry.Value;
        }
        catch when (!ReferenceEquals(entry, mine))
        {
            // Another request's lookup failed (its caller went away, the store blinked): this one asks for itself.
            _byHash.TryRemove(KeyValuePair.Create(hash, entry));
            return await Find(store, hash, ct);
        }
        catch
        {
            _byHash.TryRemove(KeyValuePair.Create(hash, mine));
            throw;
        }
        if (known is null)
        {
            // Unknown now is not remembered.
            _byHash.TryRemove(KeyValuePair.Create(hash, entry));
            return null;
        }
        known.LastUsedAt = Environment.TickCount64;
        return known;
    }

    private static async Task<Known?> Read(IDocumentStore store, string hash, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var token = await session.Query<ApiToken>().FirstOrDefaultAsync(t => t.Hash == hash, ct);
        if (token is null || token.RevokedAt is not null) return null;
        var account = await session.LoadAsync<Account>(token.AccountId, ct);
        return account is null ? null : new Known(token, account);
    }

    /// <summary>The tokens held with their accounts, for <see cref="TokenConnections"/>' check; unused ones are dropped here.</summary>
    public IReadOnlyCollection<Known> Held()
    {
        var now = Environment.TickCount64;
        var held = new List<Known>();
        foreach (var (hash, entry) in _byHash)
        {
            if (Done(entry) is not { } known) continue;
            if (now - known.LastUsedAt > Unused.TotalMilliseconds) _byHash.TryRemove(KeyValuePair.Create(hash, entry));
            else held.Add(known);
        }
        return held;
    }

    /// <summary>
    /// Of the tokens <paramref name="looked"/> at (what <see cref="Held"/> gave), forgets those the store no longer holds
    /// as valid, and those whose account it no longer holds as this host read it (gone, or changed elsewhere in what a
    /// request's identity is made of). Lookups made since that list was taken are not judged by a look that missed them.
    /// </summary>
    public void KeepOnly(IReadOnlyCollection<Known> looked, IReadOnlySet<Guid> valid, IReadOnlyDictionary<Guid, Account> accounts)
    {
        foreach (var k in looked)
        {
            if (valid.Contains(k.Token.Id) && accounts.TryGetValue(k.Account.Id, out var now) && SameIdentity(k.Account, now)) continue;
            if (_byHash.TryGetValue(k.Token.Hash, out var entry) && ReferenceEquals(Done(entry), k)) _byHash.TryRemove(KeyValuePair.Create(k.Token.Hash, entry));
        }
    }

    private static bool SameIdentity(Account a, Account b) => a.Email == b.Email && a.IsAdministrator == b.IsAdministrator && a.Language == b.Language;

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var doc in commit.Updated.Concat(commit.Inserted).Concat(commit.Deleted))
        {
            if (doc is ApiToken changed) Forget(k => k.Token.Id == changed.Id);
            else if (doc is Account account) Forget(k => k.Account.Id == account.Id);
        }
        return Task.CompletedTask;
    }

    private void Forget(Func<Known, bool> which)
    {
        foreach (var (hash, entry) in _byHash)
            if (Done(entry) is { } known && which(known)) _byHash.TryRemove(KeyValuePair.Create(hash, entry));
    }

    /// <summary>What a lookup found, once it has finished; null while it runs, when it failed or found nothing.</summary>
    private static Known? Done(Lazy<Task<Known?>> entry) => entry.IsValueCreated && entry.Value.IsCompletedSuccessfully ? entry.Value.Result : null;
}
