using System.Collections.Concurrent;
using Marten;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Host.Identity;

/// <summary>
/// The hub connections this host holds for each personal API token, so that revoking a token ends them: at once on the
/// host that revoked it, and within <c>Live:TokenCheckSeconds</c> on every other host, which looks up the tokens it holds
/// connections for and ends those revoked (or deleted) since. A connection is authenticated once, when it opens; without
/// this a revoked room display would go on receiving the board. The same look covers the tokens <see cref="KnownTokens"/>
/// remembers for requests and their accounts, and forgets those no longer valid or changed.
/// </summary>
public sealed class TokenConnections(IDocumentStore store, KnownTokens known, IConfiguration config, ILogger<TokenConnections> log) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> _byToken = new();
    private TaskCompletionSource _looked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next look at the store has been made (tests wait on it: two of them, and a change is seen).</summary>
    public Task NextLook() => Volatile.Read(ref _looked).Task;

    public void Opened(HubCallerContext connection)
    {
        if (ForumClaims.TokenIdOf(connection.User) is { } token)
            _byToken.GetOrAdd(token, _ => new ConcurrentDictionary<string, HubCallerContext>())[connection.ConnectionId] = connection;
    }

    public void Closed(HubCallerContext connection)
    {
        if (ForumClaims.TokenIdOf(connection.User) is { } token && _byToken.TryGetValue(token, out var open)) open.TryRemove(connection.ConnectionId, out _);
    }

    public void End(Guid token)
    {
        if (!_byToken.TryRemove(token, out var open)) return;
        foreach (var connection in open.Values) connection.Abort();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.GetValue("Live:TokenCheckSeconds", 5.0)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var remembered = known.Held();
            var held = _byToken.Where(x => !x.Value.IsEmpty).Select(x => x.Key).Union(remembered.Select(k => k.Token.Id)).ToList();
            if (held.Count > 0)
            {
                try
                {
                    await using var session = store.QuerySession();
                    var valid = (await session.Query<ApiToken>().Where(t => held.Contains(t.Id) && t.RevokedAt == null).Select(t => t.Id)
                        .ToListAsync(stoppingToken)).ToHashSet();
                    var accountIds = remembered.Select(k => k.Account.Id).Distinct().ToList();
                    var accounts = accountIds.Count == 0 ? [] : (await session.LoadManyAsync<Account>(stoppingToken, accountIds)).ToDictionary(a => a.Id);
                    known.KeepOnly(remembered, valid, accounts);
                    foreach (var token in held.Where(t => !valid.Contains(t))) End(token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Could not check the API tokens of open hub connections; trying again");
                }
            }
            Interlocked.Exchange(ref _looked, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }
}
