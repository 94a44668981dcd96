using Forum.Host.Identity;
using Forum.Projections;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Core;
using Npgsql;
using Weasel.Core;
using Wolverine.ErrorHandling;

namespace Forum.Host.Infrastructure;

public static class Persistence
{
    /// <summary><c>FORUM_DB</c> wins over <c>ConnectionStrings:Forum</c>; either is a key=value Npgsql string or a postgres:// URL.</summary>
    public static string ConnectionString(IConfiguration config)
    {
        var raw = config["FORUM_DB"] ?? config.GetConnectionString("Forum")
            ?? throw new InvalidOperationException("No database: set FORUM_DB or ConnectionStrings__Forum (./run.sh provides one).");
        if (!raw.StartsWith("postgres://") && !raw.StartsWith("postgresql://")) return raw;
        var uri = new Uri(raw);
        var user = uri.UserInfo.Split(':');
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432, Database = uri.AbsolutePath.Trim('/'),
            Username = Uri.UnescapeDataString(user[0]), Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
        }.ConnectionString;
    }

    public static void AddForumPersistence(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var connection = ConnectionString(config);
        var schema = config["Forum:Schema"] ?? "forum";

        builder.Services.AddMarten(opts =>
        {
            opts.Connection(connection);
            opts.DatabaseSchemaName = schema;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.AddForumProjections();
            opts.AddIdentityDocuments();
            // Hosts starting together take turns at the schema (an advisory lock); one per schema, so that the test
            // suite's hosts, each in a schema of its own, do not wait for each other.
            opts.ApplyChangesLockId = $"forum-schema:{schema}".GetDeterministicHashCode();
        })
        // Not AddResourceSetupOnStartup: that applies Marten's changes without the lock, and two hosts starting on a new
        // database then both create the same index. Wolverine migrates its own tables at start, under its own lock.
        .ApplyAllDatabaseChangesOnStartup()
        .UseLightweightSessions()
        // Async projections and subscriptions, when there are any, run on exactly one host and move when it dies (ADR 0019).
        .IntegrateWithWolverine(x => x.UseWolverineManagedEventSubscriptionDistribution = true);

        builder.Host.UseWolverine(opts =>
        {
            // Without this a test runner, as entry assembly, makes Wolverine find no endpoints.
            opts.ApplicationAssembly = typeof(Program).Assembly;
            opts.UseRuntimeCompilation();
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            // A dropped connection or a deadlock victim is retried; the handlers are idempotent (receipts, delivery records).
            opts.OnException<NpgsqlException>().RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
            ShortenFailover(opts.Durability);
        });
        builder.Services.AddWolverineHttp();
        builder.Services.AddHostedService<PositionBatchWarmUp>();

        builder.Services.CritterStackDefaults(x =>
        {
            // Both load the code checked in under Internal/Generated (scripts/codegen.sh, ADR 0024); a handler added since
            // is compiled at start.
            x.Development.GeneratedCodeMode = TypeLoadMode.Auto;
            x.Production.GeneratedCodeMode = TypeLoadMode.Auto;
            x.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });
    }

    /// <summary>
    /// ADR 0019: a host that dies (kill -9, a lost machine) leaves its acknowledged positions and mails in the durable
    /// inbox, owned by its node. They move on only once a live host ejects that node: by default a minute of silence
    /// plus two 10 s health checks (the ~64 s seen in issue 11). Heartbeats every second and ejection after 5 s of
    /// silence make that a few seconds, for a restarted single host as for the survivors of several; the recovery and
    /// scheduled-message poll then picks the released envelopes up within a second.
    /// </summary>
    private static void ShortenFailover(DurabilitySettings d)
    {
        d.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
        d.FirstHealthCheckExecution = TimeSpan.FromMilliseconds(500);
        d.StaleNodeTimeout = TimeSpan.FromSeconds(5);
        d.StaleNodeEjectionThreshold = 2;
        d.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
        d.ScheduledJobFirstExecution = TimeSpan.FromMilliseconds(500);
        d.OrphanedMessageSweepPollingTime = TimeSpan.FromSeconds(1);
    }
}

/// <summary>
/// A host that takes over a dead host's inbox (ADR 0019) meets the position batch first. Without pre-generated code
/// (`codegen write`) compiling that handler would hold the takeover for seconds, so a host that may take over (not
/// Solo) compiles it while it starts, before it answers ready.
/// </summary>
internal sealed class PositionBatchWarmUp(Wolverine.Runtime.IWolverineRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        if (runtime.Options.Durability.Mode == DurabilityMode.Balanced && runtime is Wolverine.Runtime.WolverineRuntime r)
            r.Handlers.HandlerFor(typeof(Forum.Host.Sessions.SubmittingPositions.PositionSubmission[]));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
