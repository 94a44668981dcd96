using Forum.Host.Identity;
using Forum.Host.Invitations;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Invitations;

[Collection(InvitationsCollection.Name)]
public class RsvpTests(InvitationsFixture fixture) : InvitationContext(fixture)
{
    [Fact]
    public async Task The_personal_link_opens_a_page_the_button_answers_and_the_answer_shows_on_the_board_and_the_agenda()
    {
        var (w, _) = await ScheduledWorld();
        await Invite(w, new { memberIds = new[] { w.Gov.MemberId, w.Cso.MemberId } });
        var links = RsvpLinks(MailsTo(w.Gov.Email).Single());
        await using var screen = await Forum.Tests.Support.BoardMirror.Join(Host, w.Cso.Token, w.SessionId);

        // A mail scanner (or a person) opening the link gets the page: no answer is recorded, nobody is signed in.
        var opened = await Send(null, s => s.Get.Url($"/rsvp/{links["Online"]}?answer=Online"), 200);
        opened.Context.Response.ContentType!.ShouldStartWith("text/html");
        opened.Context.Response.Headers.SetCookie.ShouldBeEmpty();
        var invitation = await GetJson(null, $"/api/rsvp/{links["Online"]}");
        invitation.GetProperty("title").GetString().ShouldBe("Spring plenary");
        invitation.GetProperty("name").GetString().ShouldBe("Ani Petrosyan");
        invitation.GetProperty("answer").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        invitation.GetProperty("canAnswer").GetBoolean().ShouldBeTrue();
        invitation.GetProperty("answers").EnumerateArray().Select(a => a.GetString()).ShouldBe(["InRoom", "Online", "Decline"]);
        invitation.ToString().ShouldNotContain(w.Gov.Email);
        (await Board(w, w.Gov.Token)).GetProperty("rsvpPending").GetProperty("Government").GetInt32().ShouldBe(1);

        // The button answers, and signs no one in (Rsvp asserts no cookie).
        var answered = await Rsvp(links["Online"], "Online");
        answered.GetProperty("sessionId").GetGuid().ShouldBe(w.SessionId);
        var board = await Board(w, w.Gov.Token);
        board.GetProperty("rsvp").GetProperty("Government").GetProperty("Online").GetInt32().ShouldBe(1);
        board.GetProperty("rsvpPending").GetProperty("Government").GetInt32().ShouldBe(0);
        board.GetProperty("rsvpPending").GetProperty("CivilSociety").GetInt32().ShouldBe(1);
        // Pushed live to a screen that was already watching.
        await screen.Until(b => b.Rsvp.GetValueOrDefault(Forum.Domain.Forums.StakeholderGroup.Government)?.GetValueOrDefault(Forum.Domain.Sessions.RsvpAnswer.Online) == 1);
        (await GetJson(null, $"/api/rsvp/{links["Online"]}")).GetProperty("answer").GetString().ShouldBe("Online");

        var agenda = await GetJson(w.Gov.Token, "/api/me/agenda");
        agenda.GetProperty("email").GetString().ShouldBe(w.Gov.Email);
        var entry = agenda.GetProperty("sessions").EnumerateArray().Single();
        entry.GetProperty("sessionId").GetGuid().ShouldBe(w.SessionId);
        entry.GetProperty("forum").GetString().ShouldBe("Open Government Forum");
        entry.GetProperty("answer").GetString().ShouldBe("Online");
        entry.GetProperty("canAnswer").GetBoolean().ShouldBeTrue();

        // The same link changes the answer until the session starts.
        await Rsvp(links["Online"], "Decline");
        board = await Board(w, w.Gov.Token);
        board.GetProperty("rsvp").GetProperty("Government").GetProperty("Online").GetInt32().ShouldBe(0);
        board.GetProperty("rsvp").GetProperty("Government").GetProperty("Decline").GetInt32().ShouldBe(1);
        (await InvitationOf(w, w.Gov.Email)).GetProperty("answer").GetString().ShouldBe("Decline");
        (await GetJson(w.Gov.Token, "/api/me/agenda")).GetProperty("sessions")[0].GetProperty("answer").GetString().ShouldBe("Decline");
        (await GetJson(w.Other.Token, "/api/me/agenda")).GetProperty("sessions").GetArrayLength().ShouldBe(0);

        // Stored hashed, like sign-in links.
        await using var query = Store.QuerySession();
        (await query.LoadAsync<RsvpLink>(links["Online"])).ShouldBeNull();
        (await query.LoadAsync<RsvpLink>(Secrets.Hash(links["Online"]))).ShouldNotBeNull();

        ShouldBeProblem(await PostJson(null, "/api/rsvp/not-a-token", new { answer = "Online" }, 400), 400, "rsvp-link-invalid", "token");
        ShouldBeProblem(await GetJson(null, "/api/rsvp/not-a-token", 400), 400, "rsvp-link-invalid", "token");
        ShouldBeProblem(await PostJson(null, $"/api/rsvp/{links["Online"]}", new { answer = "Maybe" }, 400), 400, "field-unreadable", "answer");
        ShouldBeProblem(await PostJson(null, $"/api/rsvp/{links["Online"]}", new { }, 400), 400, "field-required", "answer");
    }

    [Fact]
    public async Task An_invitee_signs_in_with_the_one_time_mail_link_not_with_the_invitation()
    {
        var (w, _) = await ScheduledWorld();
        await Invite(w, new { guests = new[] { new { name = "Guest Expert", email = "guest@uni.test" } } });
        Fixture.Smtp.ClearReceivedEmail();
        // A guest has no account and no membership; being invited is enough to be sent a sign-in link.
        await Tracked(() => Send(null, s => s.Post.Json(new { email = "guest@uni.test", returnUrl = $"/sessions/{w.SessionId}" }).ToUrl("/api/auth/magic-link"), 202));
        var link = System.Text.RegularExpressions.Regex.Match(TextOf(MailsTo("guest@uni.test").Single()), @"http://forum\.test(/auth/link/[A-Za-z0-9_\-]+)").Groups[1].Value;
        var signedIn = await Send(null, s => s.Get.Url(link), 302);
        signedIn.Context.Response.Headers.Location.ToString().ShouldBe($"/sessions/{w.SessionId}");
        var cookie = CookieFrom(signedIn);
        var board = await ReadJson(await Host.Scenario(s => { s.WithRequestHeader("Cookie", cookie); s.Get.Url(w.Url()); s.StatusCodeShouldBe(200); }));
        board.GetProperty("title").GetString().ShouldBe("Spring plenary");
    }

    [Fact]
    public async Task A_signed_in_invitee_answers_on_the_site_and_only_invitees_may()
    {
        var (w, _) = await ScheduledWorld();
        await Invite(w, new { memberIds = new[] { w.Gov.MemberId } });

        var answered = await PostJson(w.Gov.Token, w.Url("/rsvp"), new { answer = "InRoom" }, 200);
        answered.GetProperty("sessionId").GetGuid().ShouldBe(w.SessionId);
        (await GetJson(w.Gov.Token, "/api/me/agenda")).GetProperty("sessions")[0].GetProperty("answer").GetString().ShouldBe("InRoom");
        (await InvitationOf(w, w.Gov.Email)).GetProperty("answer").GetString().ShouldBe("InRoom");
        var board = await Board(w, w.Gov.Token);
        board.GetProperty("rsvp").GetProperty("Government").GetProperty("InRoom").GetInt32().ShouldBe(1);

        await PostJson(w.Gov.Token, w.Url("/rsvp"), new { answer = "Decline" }, 200);
        (await GetJson(w.Gov.Token, "/api/me/agenda")).GetProperty("sessions")[0].GetProperty("answer").GetString().ShouldBe("Decline");

        ShouldBeProblem(await PostJson(w.Cso.Token, w.Url("/rsvp"), new { answer = "InRoom" }, 403), 403, "invitees-only");
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Url("/rsvp"), new { answer = "Maybe" }, 400), 400, "field-unreadable", "answer");
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Url("/rsvp"), new { }, 400), 400, "field-required", "answer");
        ShouldBeProblem(await PostJson(null, w.Url("/rsvp"), new { answer = "InRoom" }, 401), 401, "sign-in-required");
    }

    [Fact]
    public async Task An_invited_guest_answers_by_the_link_sees_the_session_and_joins_the_hub_but_takes_no_position()
    {
        var (w, _) = await ScheduledWorld();
        await Invite(w, new { guests = new[] { new { name = "Guest Expert", email = "guest@uni.test" } } });
        await Rsvp(RsvpLinks(MailsTo("guest@uni.test").Single())["InRoom"], "InRoom");
        var guestToken = await TokenFor("guest@uni.test");

        var board = await Board(w, guestToken);
        board.GetProperty("rsvp").GetProperty("Other").GetProperty("InRoom").GetInt32().ShouldBe(1);
        board.GetProperty("invited").GetInt32().ShouldBe(1);
        board.ToString().ShouldNotContain("guest@uni.test");

        await using (var hub = new HubConnectionBuilder().WithUrl(new Uri(Host.Server.BaseAddress, "/hubs/sessions"), o =>
               {
                   o.Transports = HttpTransportType.WebSockets;
                   o.SkipNegotiation = true;
                   o.WebSocketFactory = async (c, ct) =>
                   {
                       var client = Host.Server.CreateWebSocketClient();
                       client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + guestToken;
                       return await client.ConnectAsync(c.Uri, ct);
                   };
               }).Build())
        {
            await hub.StartAsync();
            var joined = await hub.InvokeAsync<System.Text.Json.JsonElement>("Join", w.SessionId);
            joined.GetProperty("sessionId").GetGuid().ShouldBe(w.SessionId);
        }

        await OpenWithEveryoneIn(w);
        var refused = await PostJson(guestToken, w.Item(w.DecisionItem, "/positions"), new { stance = "Support" }, 403);
        ShouldBeProblem(refused, 403, "forum-members-only");
        ShouldBeProblem(await PostJson(guestToken, w.Url("/check-in"), new { presence = "InRoom" }, 403), 403, "forum-members-only");

        var stranger = await TokenFor("stranger@uni.test");
        ShouldBeProblem(await GetJson(stranger, w.Url(), 404), 404, "forum-members-only");
    }

    [Fact]
    public async Task Only_the_secretariat_invites_and_sees_the_invitations_and_every_refusal_names_its_rule()
    {
        var (w, _) = await ScheduledWorld();
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Url("/invitations"), new { all = true }, 403), 403, "secretariat-only");
        ShouldBeProblem(await PostJson(null, w.Url("/invitations"), new { all = true }, 401), 401, "sign-in-required");
        var unknown = Guid.NewGuid();
        var missing = await PostJson(w.Secretariat, w.Url("/invitations"), new { memberIds = new[] { unknown } }, 404);
        ShouldBeProblem(missing, 404, "member-not-found");
        missing.GetProperty("detail").GetString()!.ShouldContain(unknown.ToString());
        ShouldBeProblem(await PostJson(w.Secretariat, w.Url("/invitations"), new { guests = new[] { new { name = "X", email = "nope" } } }, 400), 400, "email-invalid", "guests[0].email");
        ShouldBeProblem(await PostJson(w.Secretariat, w.Url("/invitations"), new { }, 400), 400, "invitees-required", "memberIds");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/sessions/{Guid.NewGuid()}/invitations", new { all = true }, 404), 404, "session-not-found");
        ShouldBeProblem(await GetJson(w.Gov.Token, w.Url("/invitations"), 403), 403, "secretariat-only");
        ShouldBeProblem(await PostJson(w.Secretariat, w.Url($"/invitations/{Guid.NewGuid()}/resend"), new { }, 404), 404, "invitation-not-found");
        Mails().ShouldBeEmpty();
        (await EventCount()).ShouldBeGreaterThan(0);
    }
}
