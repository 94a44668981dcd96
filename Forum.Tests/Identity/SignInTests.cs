using System.Text.RegularExpressions;
using Forum.Host.Identity;
using Forum.Tests.Support;

namespace Forum.Tests.Identity;

[Collection(ApiCollection.Name)]
public partial class SignInTests(ApiFixture fixture) : IntegrationContext(fixture)
{
    [GeneratedRegex(@"http://forum\.test/auth/link/([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();

    private async Task<string> RequestLink(string email)
    {
        await Tracked(() => Send(null, s => s.Post.Json(new { email }).ToUrl("/api/auth/magic-link"), 202));
        var mail = Fixture.Smtp.ReceivedEmail.Last();
        mail.ToAddresses.Single().Address.ShouldBe(email.ToLowerInvariant());
        return LinkPattern().Match(mail.MessageParts.First().BodyData).Groups[1].Value;
    }

    [Fact]
    public async Task Secretariat_signs_in_by_mail_creates_a_token_and_creates_a_forum_with_it()
    {
        await using (var session = Store.LightweightSession())
        {
            await session.FindOrCreate("admin@forum.test", DateTimeOffset.UtcNow, administrator: true);
            await session.SaveChangesAsync();
        }
        var token = await RequestLink("admin@forum.test");
        token.ShouldNotBeNullOrEmpty();

        var signedIn = await Send(null, s => s.Get.Url($"/auth/link/{token}"), 302);
        var cookie = CookieFrom(signedIn);
        cookie.ShouldStartWith("forum=");

        var me = await ReadJson(await Host.Scenario(s => { s.WithRequestHeader("Cookie", cookie); s.Get.Url("/api/me"); }));
        me.GetProperty("email").GetString().ShouldBe("admin@forum.test");
        me.GetProperty("isAdministrator").GetBoolean().ShouldBeTrue();

        var created = await ReadJson(await Host.Scenario(s =>
        {
            s.WithRequestHeader("Cookie", cookie);
            s.Post.Json(new { name = "laptop script" }).ToUrl("/api/me/tokens");
            s.StatusCodeShouldBe(201);
        }));
        var apiToken = created.GetProperty("token").GetString()!;

        var forum = await PostJson(apiToken, "/api/forums", new { name = "Форум", country = "Ukraine", language = "uk" });
        forum.GetProperty("forumId").GetGuid().ShouldNotBe(Guid.Empty);

        // The link was single-use.
        ShouldBeProblem(await GetJson(null, $"/auth/link/{token}", 400), 400, "sign-in-link-invalid");

        // A revoked token stops working at once.
        await Send(apiToken, s => s.Delete.Url($"/api/me/tokens/{created.GetProperty("tokenId").GetGuid()}"), 204);
        ShouldBeProblem(await GetJson(apiToken, "/api/me", 401), 401, "sign-in-required");
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_answer_and_no_mail()
    {
        var tracked = await Tracked(() => Send(null, s => s.Post.Json(new { email = "nobody@nowhere.test" }).ToUrl("/api/auth/magic-link"), 202));
        tracked.Sent.MessagesOf<SendSignInLink>().ShouldBeEmpty();
        Fixture.Smtp.ReceivedEmailCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_member_admitted_to_a_forum_can_ask_for_a_link_and_an_account_is_made_on_first_sign_in()
    {
        var admin = await AdminToken();
        var forum = (await PostJson(admin, "/api/forums", new { name = "F", country = "Armenia", language = "hy" })).GetProperty("forumId").GetGuid();
        await PostJson(admin, $"/api/forums/{forum}/members", new { name = "Անի", email = "ani@forum.test", group = "CivilSociety", role = "Member" });

        var token = await RequestLink("ANI@forum.test");
        var cookie = CookieFrom(await Send(null, s => s.Get.Url($"/auth/link/{token}"), 302));
        var me = await ReadJson(await Host.Scenario(s => { s.WithRequestHeader("Cookie", cookie); s.Get.Url("/api/me"); }));
        me.GetProperty("forums")[0].GetProperty("forumId").GetGuid().ShouldBe(forum);
    }

    [Fact]
    public async Task Expired_link_is_refused()
    {
        string secret;
        await using (var session = Store.LightweightSession())
        {
            secret = session.IssueSignInLink("late@forum.test", null, DateTimeOffset.UtcNow.AddSeconds(-1));
            await session.SaveChangesAsync();
        }
        ShouldBeProblem(await GetJson(null, $"/auth/link/{secret}", 400), 400, "sign-in-link-invalid");
    }

    [Fact]
    public async Task Links_are_stored_hashed()
    {
        await using (var session = Store.LightweightSession())
        {
            await session.FindOrCreate("hash@forum.test", DateTimeOffset.UtcNow);
            await session.SaveChangesAsync();
        }
        var token = await RequestLink("hash@forum.test");
        await using var query = Store.QuerySession();
        (await query.LoadAsync<SignInLink>(token)).ShouldBeNull();
        (await query.LoadAsync<SignInLink>(Secrets.Hash(token))).ShouldNotBeNull();
    }

    [Fact]
    public async Task Sign_in_requests_are_rate_limited_per_address()
    {
        for (var i = 0; i < 5; i++)
            await Send(null, s => s.Post.Json(new { email = "flood@forum.test" }).ToUrl("/api/auth/magic-link"), 202);
        var refused = await PostJson(null, "/api/auth/magic-link", new { email = "flood@forum.test" }, 429);
        refused.GetProperty("rule").GetString().ShouldBe("sign-in-rate-limited");
    }

    [Fact]
    public async Task Token_needs_a_name_and_sign_in()
    {
        var token = await TokenFor("p@forum.test");
        ShouldBeProblem(await PostJson(token, "/api/me/tokens", new { name = "" }, 400), 400, "field-required", "name");
        ShouldBeProblem(await PostJson(null, "/api/me/tokens", new { name = "x" }, 401), 401, "sign-in-required");
        ShouldBeProblem(await ReadJson(await Send(token, s => s.Delete.Url($"/api/me/tokens/{Guid.NewGuid()}"), 404)), 404, "token-not-found");
    }
}
