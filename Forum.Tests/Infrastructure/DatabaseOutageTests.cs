using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Forum.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// A host whose database address is a port of its own: a plain TCP relay to the real PostgreSQL while it is up. Closing
/// the port is PostgreSQL going away as the host sees it: open connections drop, new ones are refused.
/// </summary>
public sealed class DatabaseOutageFixture : AppFixture
{
    public TcpRelay Relay { get; } = new(new NpgsqlConnectionStringBuilder(ConnectionString));

    protected override void Configure(IWebHostBuilder builder)
    {
        var relayed = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Relay.Port, Timeout = 3 };
        builder.UseSetting("FORUM_DB", relayed.ConnectionString);
    }
}

public sealed class TcpRelay
{
    private readonly string _host;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, bool> _open = new();
    private TcpListener? _listener;

    public TcpRelay(NpgsqlConnectionStringBuilder target)
    {
        _host = target.Host!;
        _targetPort = target.Port;
        _listener = Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Accept(_listener);
    }

    public int Port { get; }

    public void Close()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var client in _open.Keys) client.Dispose();
        _open.Clear();
    }

    public void Open()
    {
        _listener = Listen(Port);
        _ = Accept(_listener);
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private async Task Accept(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            var server = new TcpClient();
            try { await server.ConnectAsync(_host, _targetPort); }
            catch (SocketException) { client.Dispose(); server.Dispose(); continue; }
            _open[client] = true;
            _open[server] = true;
            _ = Pump(client, server);
            _ = Pump(server, client);
        }
    }

    private async Task Pump(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException) { }
        finally
        {
            from.Dispose(); to.Dispose();
            _open.TryRemove(from, out _); _open.TryRemove(to, out _);
        }
    }
}

[CollectionDefinition(Name)]
public class DatabaseOutageCollection : ICollectionFixture<DatabaseOutageFixture>
{
    public const string Name = "database-outage";
}

[Collection(DatabaseOutageCollection.Name)]
public class DatabaseOutageTests(DatabaseOutageFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task With_postgresql_unreachable_every_request_that_needs_it_answers_503_with_retry_after_and_the_host_recovers()
    {
        var admin = await AdminToken();
        (await GetJson(admin, "/api/me")).GetProperty("isAdministrator").GetBoolean().ShouldBeTrue();

        fixture.Relay.Close();
        try
        {
            // A read, a write, a sign-in request: each needs the database; none may be a 500.
            foreach (var (method, url, body) in new (string, string, object?)[]
                     {
                         ("GET", "/api/me", null),
                         ("POST", "/api/forums", new { name = "Forum", country = "Moldova", language = "ro" }),
                         ("POST", "/api/auth/magic-link", new { email = "someone@forum.test" }),
                         ("GET", $"/api/sessions/{Guid.NewGuid()}", null),
                     })
            {
                var result = await Host.Scenario(s =>
                {
                    s.WithRequestHeader("Authorization", "Bearer " + admin);
                    if (body is null) s.Get.Url(url); else s.Post.Json(body).ToUrl(url);
                    s.IgnoreStatusCode();
                });
                result.Context.Response.StatusCode.ShouldBe(503, $"{method} {url}");
                result.Context.Response.Headers.RetryAfter.ToString().ShouldBe("5");
                ShouldBeProblem(await ReadJson(result), 503, "database-unavailable");
            }
            // Readiness says so too; liveness does not need the database.
            await Send(null, s => s.Get.Url("/health/ready"), 503);
            await Send(null, s => s.Get.Url("/health/live"), 200);
        }
        finally
        {
            fixture.Relay.Open();
        }

        // Back: as a client told to retry would, ask again until the host has new connections; then a write goes through.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int status;
        do status = (await Host.Scenario(s => { s.WithRequestHeader("Authorization", "Bearer " + admin); s.Get.Url("/api/me"); s.IgnoreStatusCode(); })).Context.Response.StatusCode;
        while (status == 503 && DateTime.UtcNow < deadline);
        status.ShouldBe(200);
        (await PostJson(admin, "/api/forums", new { name = "Forum", country = "Moldova", language = "ro" })).GetProperty("forumId").GetGuid().ShouldNotBe(Guid.Empty);
    }
}
