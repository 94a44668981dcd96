using Forum.Host.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Forum.Tests.Infrastructure;

public class ReadinessTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public async Task Not_ready_when_the_configured_redis_backplane_is_unreachable()
    {
        var port = ClosedPort();
        await using var redis = new SharedRedis(Config(("Redis:Connection", $"127.0.0.1:{port}")));
        var result = await new RedisReady(redis).CheckHealthAsync(new HealthCheckContext());
        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description!.ShouldContain("Redis");
    }

    [Fact]
    public async Task Not_ready_when_postgres_is_unreachable_and_ready_when_it_is()
    {
        var down = await new PostgresReady(Config(("FORUM_DB", $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=2"))).CheckHealthAsync(new HealthCheckContext());
        down.Status.ShouldBe(HealthStatus.Unhealthy);
        var up = await new PostgresReady(Config(("FORUM_DB", Support.AppFixture.ConnectionString))).CheckHealthAsync(new HealthCheckContext());
        up.Status.ShouldBe(HealthStatus.Healthy);
    }

    private static int ClosedPort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
