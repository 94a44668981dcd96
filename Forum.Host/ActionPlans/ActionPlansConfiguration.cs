using Forum.Host.ActionPlans.CoCreation;
using Forum.Host.ActionPlans.Monitoring;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Forum.Host.ActionPlans;

/// <summary>The <c>ActionPlans</c> configuration section.</summary>
public sealed class ActionPlanOptions
{
    /// <summary>Proposals one account may submit per hour, and one client address (the public form's flood guard).</summary>
    public int ProposalsPerAccountPerHour { get; set; } = 10;
    public int ProposalsPerClientPerHour { get; set; } = 60;
}

public static class ActionPlansConfiguration
{
    /// <summary>Action plans: the proposal flood guard and the evidence files' table. Endpoints and handlers are discovered.</summary>
    public static void AddForumActionPlans(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ActionPlanOptions>(builder.Configuration.GetSection("ActionPlans"));
        builder.Services.AddSingleton<ProposalRateLimits>();
        builder.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<EvidenceFile>().Index(x => x.CommitmentId);
            // The bytes of uploaded evidence, beside their metadata document: bytea, not base64 inside JSON.
            var table = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, EvidenceFile.ContentTable, SchemaUtils.IdentifierUsage.General));
            table.AddColumn<Guid>("id").AsPrimaryKey();
            table.AddColumn("content", "bytea").NotNull();
            opts.Storage.ExtendedSchemaObjects.Add(table);
        });
        builder.Services.ConfigureWolverine(opts =>
        {
            // Two reactions to decisions (an adoption, an action point's link) may race to start the same small stream.
            opts.Policies.OnException<JasperFx.ConcurrencyException>().RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250));
            opts.Policies.OnException<Marten.Exceptions.ExistingStreamIdCollisionException>().RetryWithCooldown(TimeSpan.FromMilliseconds(50));
        });
    }
}
