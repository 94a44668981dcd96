using Forum.Host.Infrastructure;
using StackExchange.Redis;

namespace Forum.Host.Live;

/// <summary>
/// Which versions of a session's board this host pushes. One host pushes every version it sees. Several hosts on one
/// Redis (ADR 0019) each see only their own commits; a host filling a gap from the store would otherwise push again
/// what another host pushed, and every change reached every screen once per host (issue 14's first two-host bench).
/// So before a push a host claims the span up to its board's version; <see cref="Claim"/> answers the last version
/// claimed before, and the host pushes only what lies after it.
/// </summary>
public interface IPushClaims
{
    /// <returns>The highest version claimed for the session before this call (-1 when none or when claims are not shared).</returns>
    Task<long> Claim(Guid sessionId, long upTo);
}

public sealed class LocalPushClaims : IPushClaims
{
    public Task<long> Claim(Guid sessionId, long upTo) => Task.FromResult(-1L);
}

/// <summary>One Redis key per session holding the highest version pushed, raised atomically by a script.</summary>
public sealed class RedisPushClaims(SharedRedis redis, ILogger<RedisPushClaims> log) : IPushClaims
{
    private const string Raise = """
        local was = tonumber(redis.call('GET', KEYS[1]) or '-1')
        if was < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1], 'EX', 86400) end
        return was
        """;

    public async Task<long> Claim(Guid sessionId, long upTo)
    {
        try
        {
            var db = await redis.Database();
            return (long)await db.ScriptEvaluateAsync(Raise, [(RedisKey)$"forum:pushed:{sessionId}"], [upTo]);
        }
        catch (Exception e)
        {
            // Without Redis the backplane is down too; pushing the whole span again costs duplicates, never a loss.
            log.LogWarning(e, "Claiming the pushes of session {SessionId} failed", sessionId);
            return -1;
        }
    }
}
