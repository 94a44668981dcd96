using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Forum.Bench;

/// <summary>What the baseline broadcasts: one message per submission, about the size of one position.</summary>
public sealed record BareMessage(int Seq, Guid MemberId, string Stance, string Statement);

/// <summary>The baseline: a bare hub, one group, no auth, no database.</summary>
public sealed class BareHub : Hub
{
    public const string Path = "/hubs/bare", Room = "room";
    public Task Join() => Groups.AddToGroupAsync(Context.ConnectionId, Room);
}

public static class BareServer
{
    public static async Task Run(string urls)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>(BareHub.Path);
        app.MapGet("/health", () => HttpResults.Ok("ok"));
        // The same shape of load as Forum's: a submission over HTTP, then one push to the whole group.
        app.MapPost("/submit", async (BareMessage m, IHubContext<BareHub> hub) =>
        {
            await hub.Clients.Group(BareHub.Room).SendAsync("Msg", m);
            return HttpResults.Accepted();
        });
        Console.WriteLine($"bare SignalR baseline on {urls}");
        await app.RunAsync();
    }
}
