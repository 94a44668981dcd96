using System.Diagnostics;
using System.Net.Sockets;
using Forum.Tests.Support;

namespace Forum.Tests.ScaleOut;

/// <summary>
/// nginx from Debian's package in front of the hosts, with the proxy settings docker/compose.yaml uses
/// (docker/nginx/forum-proxy.conf): clients of a host that dies reconnect through it to another host.
/// </summary>
public sealed class ReverseProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _pidFile;

    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}/");

    private ReverseProxy(Process process, int port, string? pidFile)
    {
        _process = process;
        Port = port;
        _pidFile = pidFile;
    }

    public static async Task<ReverseProxy> Start(string directory, IEnumerable<HostProcess> hosts)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is missing: ./test.sh installs it (apt-get install nginx).");
        var shared = Path.Combine(Checkout.Root, "docker", "nginx", "forum-proxy.conf");
        Directory.CreateDirectory(directory);
        var port = HostProcess.FreePort();
        var servers = string.Concat(hosts.Select(h => $"    server 127.0.0.1:{h.Port} max_fails=1 fail_timeout=5s;\n"));
        // The same upstream and map as docker/nginx/default.conf, on loopback ports; one process, in the foreground.
        var conf = $$"""
            daemon off;
            master_process off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              upstream forum {
            {{servers}}  }
              map $http_upgrade $connection_upgrade { default upgrade; '' close; }
              server {
                listen 127.0.0.1:{{port}};
                location / { include {{shared}}; }
              }
            }
            """;
        var file = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(file, conf);
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", directory, "-c", file, "-e", Path.Combine(directory, "error.log") }) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        string? pidFile = null;
        if (Environment.GetEnvironmentVariable("FORUM_TEST_PIDS") is { Length: > 0 } pids)
            await File.WriteAllTextAsync(pidFile = Path.Combine(pids, $"nginx-{process.Id}.pid"), process.Id.ToString());
        var proxy = new ReverseProxy(process, port, pidFile);
        await Poll.Until(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            using var client = new TcpClient();
            try { await client.ConnectAsync(System.Net.IPAddress.Loopback, port); return true; }
            catch (SocketException) { return false; }
        }, TimeSpan.FromSeconds(20), () => "nginx does not listen");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        if (_pidFile is not null) File.Delete(_pidFile);
        _process.Dispose();
    }
}
