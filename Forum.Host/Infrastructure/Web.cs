using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Forum.Host.Infrastructure;

public static class Web
{
    public static void AddForumWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ForumOptions>(builder.Configuration.GetSection("Forum"));
        services.AddSingleton(TimeProvider.System);

        if (!builder.Environment.IsDevelopment() && builder.Configuration["Logging:Format"] != "text")
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemShape.Complete);
        services.AddExceptionHandler<RequestProblemHandler>();
        services.AddOpenApi();

        var dataDir = builder.Configuration["Forum:DataDirectory"] ?? ".data";
        services.AddDataProtection().SetApplicationName("Forum").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys", "data-protection")));

        var health = services.AddHealthChecks().AddCheck<PostgresReady>("postgres", tags: ["ready"]);
        // With the Redis backplane, a host whose Redis is down still looks alive but every hub connection dies: not ready.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Redis:Connection"]))
            health.AddCheck<RedisReady>("redis", tags: ["ready"]);
    }

    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Enums travel as their names only: an unknown name or a number is refused with 400.
        o.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    }

    /// <summary>
    /// A JSON body of just <c>null</c> deserialises to no request at all; the endpoints expect an object. Refused here,
    /// once, rather than in every endpoint. Only tiny bodies are looked at, so nothing else is buffered.
    /// </summary>
    private static async Task RefuseNullBody(HttpContext http, RequestDelegate next)
    {
        if (http.Request.ContentLength is > 0 and <= 16 && http.Request.HasJsonContentType())
        {
            http.Request.EnableBuffering();
            var text = (await new StreamReader(http.Request.Body, leaveOpen: true).ReadToEndAsync()).Trim();
            http.Request.Body.Position = 0;
            if (text == "null")
            {
                await Problems.Of(Unreadable.From("$")).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }

    public static void UseForumWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.Use(RefuseNullBody);
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapWolverineEndpoints(o =>
        {
            o.WarmUpRoutes = RouteWarmup.Lazy;
            Doors.Apply(o);
        });
    }
}

internal sealed class PostgresReady(IConfiguration config) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var conn = new NpgsqlConnection(Persistence.ConnectionString(config));
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("select 1", conn);
            await cmd.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable", e);
        }
    }
}

internal sealed class RedisReady(IConfiguration config) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var options = StackExchange.Redis.ConfigurationOptions.Parse(config["Redis:Connection"]!);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = 2000;
            await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Redis (the SignalR backplane) is not reachable", e);
        }
    }
}
