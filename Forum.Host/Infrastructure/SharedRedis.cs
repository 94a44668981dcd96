using StackExchange.Redis;

namespace Forum.Host.Infrastructure;

/// <summary>
/// The host's one connection to Redis for what Forum asks of Redis itself: the push claims (ADR 0019) and the
/// readiness check, which so pings the very connection the claims use. SignalR's backplane keeps its own. Commands fail
/// at once while Redis is away instead of waiting in a backlog: the claims then push the whole span, and readiness
/// answers "not ready" without a wait.
/// </summary>
public sealed class SharedRedis(IConfiguration config) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis = new(() =>
    {
        var options = ConfigurationOptions.Parse(config["Redis:Connection"]!);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    public async Task<IDatabase> Database() => (await _redis.Value).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated) await (await _redis.Value).DisposeAsync();
    }
}
