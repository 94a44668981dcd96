using Alba;
using Forum.Host.Identity;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Wolverine;

namespace Forum.Tests.Support;

/// <summary>One host per collection against the real PostgreSQL that ./test.sh provides; its own schema, so collections run side by side.</summary>
public class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public SimpleSmtpServer Smtp { get; private set; } = null!;
    public ReceiptSignals Receipts { get; } = new();
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("forum-test-").FullName;
    protected virtual string Schema => "t_" + GetType().Name.ToLowerInvariant();
    public string SchemaName => Schema;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("FORUM_DB")
        ?? throw new InvalidOperationException("FORUM_DB is not set: run the suite with ./test.sh, which provides a PostgreSQL.");

    public async Task InitializeAsync()
    {
        Smtp = SimpleSmtpServer.Start(FreePort());
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("FORUM_DB", ConnectionString);
            b.UseSetting("Forum:Schema", Schema);
            b.UseSetting("Forum:DataDirectory", DataDirectory);
            b.UseSetting("Forum:PublicUrl", "http://forum.test");
            // Every test calls from the same address; the per-address limit is what the tests exercise.
            b.UseSetting("Forum:SignInLinksPerClient", "10000");
            b.UseSetting("ActionPlans:ProposalsPerClientPerHour", "10000");
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", Smtp.Configuration.Port.ToString());
            b.UseSetting("Smtp:From", "Forum <forum@forum.test>");
            Configure(b);
            b.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.ConfigureMarten(o => o.Listeners.Add(Receipts));
                s.DisableAllExternalWolverineTransports();
            });
        });
    }

    /// <summary>An SMTP outage: the server stops; <see cref="StartSmtp"/> brings a fresh one up on the same port.</summary>
    public void StopSmtp() => Smtp.Stop();
    public void StartSmtp() => Smtp = SimpleSmtpServer.Start(Smtp.Configuration.Port);

    protected virtual void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) { }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Smtp.Stop();
    }

    /// <summary>Every test starts from nothing: no events, documents, envelopes or mail.</summary>
    public async Task ResetAsync()
    {
        await DataReset.Run(Host.Services);
        Smtp.ClearReceivedEmail();
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

[CollectionDefinition(Name)]
public class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

public sealed class ApiFixture : AppFixture;

