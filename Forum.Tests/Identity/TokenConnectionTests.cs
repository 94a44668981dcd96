using Forum.Host.Identity;
using Marten;
using Forum.Tests.Sessions;
using Forum.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Sets one field of a stored document the way another host's write would reach this one: in the store only.</summary>
    private async Task Elsewhere(string table, string field, string value, string whereField, string whereValue)
    {
        await using var db = new Npgsql.NpgsqlConnection(AppFixture.ConnectionString);
        await db.OpenAsync();
        await using var change = new Npgsql.NpgsqlCommand(
            $"update {Fixture.SchemaName}.{table} set data = jsonb_set(data, array[@field], to_jsonb(@value::text)) where data->>@where = @is", db);
        change.Parameters.AddWithValue("field", field);
        change.Parameters.AddWithValue("value", value);
        change.Parameters.AddWithValue("where", whereField);
        change.Parameters.AddWithValue("is", whereValue);
        (await change.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task An_account_changed_elsewhere_is_seen_here_by_requests_with_a_remembered_token_within_one_look()
    {
        var w = await World(open: true);
        var me = await GetJson(w.Gov.Token, "/api/me");
        (!me.TryGetProperty("language", out var before) || before.ValueKind == System.Text.Json.JsonValueKind.Null).ShouldBeTrue("no language chosen yet");
        var looks = Host.Services.GetRequiredService<TokenConnections>();
        // Another host saves the person's language: this host, which remembers the token and its account, finds it on its look.
        await Elsewhere("mt_doc_account", "language", "uk", "email", w.Gov.Email);
        await looks.NextLook();
        await looks.NextLook();
        (await GetJson(w.Gov.Token, "/api/me")).GetProperty("language").GetString().ShouldBe("uk");
    }

    [Fact]
    public async Task A_token_revoked_elsewhere_ends_its_connections_on_this_host_within_seconds_and_its_requests_are_refused()
    {
        var w = await World(open: true);
        // This host has looked the token up (ADR 0026) and holds a connection for it.
        (await GetJson(w.Gov.Token, "/api/me")).GetProperty("email").GetString().ShouldBe(w.Gov.Email);
        var (hub, closed) = await Follow(Host, w.Gov.Token, w.SessionId);
        await using var _ = hub;
        // Another host's revoke: the row changes in the store, and no commit on this host says so.
        await Elsewhere("mt_doc_apitoken", "revokedAt", DateTimeOffset.UtcNow.ToString("O"), "hash", Secrets.Hash(w.Gov.Token));
        // This host's next look at the tokens it holds ends the connection and forgets the lookup, in the same pass.
        await closed.WaitAsync(TimeSpan.FromSeconds(20));
        hub.State.ShouldBe(HubConnectionState.Disconnected);
        var refused = await Send(w.Gov.Token, s => s.Get.Url("/api/me"), 401);
        refused.Context.Response.StatusCode.ShouldBe(401);
        // Nobody else's token is touched.
        (await GetJson(w.Cso.Token, "/api/me")).GetProperty("email").GetString().ShouldBe(w.Cso.Email);
    }
}
