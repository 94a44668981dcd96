using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Forum.Domain.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        {
            services.TryAddSingleton<SharedRedis>();
            health.AddCheck<RedisReady>("redis", tags: ["ready"]);
        }
    }

    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Enums travel as their names only: an unknown name or a number is refused with 400.
        o.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        o.Converters.Add(new TextConverter());
    }

    /// <summary>
    /// Query values, headers, route values and the path are text too: a control character in any of them is refused
    /// here, naming it, before an endpoint turns it into a name, a hash or a file path.
    /// </summary>
    private static Task RefuseControlCharacters(HttpContext http, RequestDelegate next)
    {
        var r = http.Request;
        var refused = Input.Text("path", r.Path.Value)
            ?? r.RouteValues.Select(v => Input.Text(v.Key, v.Value as string)).FirstOrDefault(x => x is not null)
            ?? r.Query.SelectMany(q => q.Value.Select(v => Input.Text(q.Key, v))).FirstOrDefault(x => x is not null)
            ?? r.Headers.SelectMany(h => h.Value.Select(v => Input.Text(h.Key, v))).FirstOrDefault(x => x is not null);
        return refused is null ? next(http) : Problems.Of(refused).ExecuteAsync(http);
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
        app.Use(RefuseControlCharacters);
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapWolverineEndpoints(o =>
        {
            o.WarmUpRoutes = RouteWarmup.Lazy;
            // "?version=abc" is refused (400 naming the parameter, ProblemShape), not read as "no version".
            o.RejectUnparseableQueryValues = true;
            o.RejectUnparseableHeaderValues = true;
            Doors.Apply(o);
        });
    }
}

/// <summary>
/// Every JSON string of every request body (and hub message) is read here, so no text field anywhere reaches a rule or
/// PostgreSQL with a control character in it (<see cref="Input.Text"/>); the refusal names the field by its JSON path.
/// </summary>
internal sealed class TextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A number or an object where text belongs: System.Text.Json adds the path to an exception without a message.
        if (reader.TokenType != JsonTokenType.String) throw new JsonException();
        var value = reader.GetString()!;
        foreach (var c in value)
            if (!Input.IsText(c)) throw new ControlCharacterInJson(c);
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Carries the character and, once System.Text.Json has set it, the path, through Wolverine's "Invalid JSON format" detail.</summary>
internal sealed class ControlCharacterInJson(char c) : JsonException("control character")
{
    public const string Marker = "Control character U+";
    public char Character { get; } = c;
    public override string Message => $"{Marker}{(int)Character:X4} Path: {Path} |";
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

internal sealed class RedisReady(SharedRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await (await redis.Database()).PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Redis (the SignalR backplane) is not reachable", e);
        }
    }
}
