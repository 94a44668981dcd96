using Forum.Host.Identity;
using Marten;
using Forum.Tests.Sessions;
using Forum.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Forum.Tests.Identity;

/// <summary>A hub connection is authenticated once, when it opens: revoking its token must end it.</summary>
[Collection(ApiCollection.Name)]
public class TokenConnectionTests(ApiFixture fixture) : SessionContext(fixture)
{
    private static async Task<(HubConnection Hub, Task Closed)> Follow(Alba.IAlbaHost host, string token, Guid sessionId)
    {
        var hub = BoardMirror.Connect(host, token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();
        await hub.InvokeAsync<System.Text.Json.JsonElement>("Join", sessionId);
        return (hub, closed.Task);
    }

    [Fact]
    public async Task Revoking_a_room_display_token_ends_its_open_hub_connection_and_it_cannot_connect_again()
    {
        var w = await World(open: true);
        var made = await PostJson(w.CsoChair.Token, w.Url("/display-tokens"), new { });
        var display = made.GetProperty("token").GetString()!;
        var (hub, closed) = await Follow(Host, display, w.SessionId);
        await using var _ = hub;

        await Send(w.CsoChair.Token, s => s.Delete.Url($"/api/me/tokens/{made.GetProperty("tokenId").GetGuid()}"), 204);
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        hub.State.ShouldBe(HubConnectionState.Disconnected);

        await using var again = BoardMirror.Connect(Host, display);
        await again.StartAsync();
        (await Should.ThrowAsync<HubException>(() => again.InvokeAsync<System.Text.Json.JsonElement>("Join", w.SessionId))).Message.ShouldContain("sign-in-required");
        // Another token of the same person and the people in the room are not affected.
        await using var member = await BoardMirror.Join(Host, w.Cso.Token, w.SessionId);
        await Position(w, w.Gov.Token, "Support", "still live");
        await member.Until(b => b.Version > 0 && b.Agenda.Any(i => i.Positions.ContainsKey(w.Gov.MemberId)));
    }

    [Fact]
    public async Task A_token_revoked_elsewhere_ends_its_connections_on_this_host_within_seconds()
    {
        var w = await World(open: true);
        var (hub, closed) = await Follow(Host, w.Gov.Token, w.SessionId);
        await using var _ = hub;
        // Another host's revoke is a committed change to the token, which this host did not make: it finds it on its next look.
        await using (var session = Store.LightweightSession())
        {
            var hash = Secrets.Hash(w.Gov.Token);
            var token = await session.Query<ApiToken>().SingleAsync(t => t.Hash == hash);
            token.RevokedAt = DateTimeOffset.UtcNow;
            session.Store(token);
            await session.SaveChangesAsync();
        }
        await closed.WaitAsync(TimeSpan.FromSeconds(20));
        hub.State.ShouldBe(HubConnectionState.Disconnected);
    }
}
