using Forum.Host.Identity;
using Forum.Projections;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Resources;
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
        })
        .UseLightweightSessions()
        .IntegrateWithWolverine();

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
        });
        builder.Services.AddWolverineHttp();

        builder.Services.CritterStackDefaults(x =>
        {
            x.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            // Pre-generated code where `codegen write` made it, else compiled at start.
            x.Production.GeneratedCodeMode = TypeLoadMode.Auto;
            x.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });
        builder.Services.AddResourceSetupOnStartup();
    }
}
