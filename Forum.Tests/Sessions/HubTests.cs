using Forum.Domain.Sessions;
using Forum.Projections;
using Forum.Tests.Support;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Sessions;

[Collection(ApiCollection.Name)]
public class HubTests(ApiFixture fixture) : SessionContext(fixture)
{
    private static bool Shows(Forum.Projections.Sessions.SessionBoard b, Guid item, Guid member, Stance stance) =>
        b.Agenda.FirstOrDefault(i => i.ItemId == item)?.Positions.GetValueOrDefault(member)?.Stance == stance;

    [Fact]
    public async Task Two_members_and_an_observer_see_each_others_positions_arrive_in_order()
    {
        var w = await World(open: true);
        await using var gov = await BoardMirror.Join(Host, w.Gov.Token, w.SessionId);
        await using var cso = await BoardMirror.Join(Host, w.Cso.Token, w.SessionId);
        await using var observer = await BoardMirror.Join(Host, w.Observer.Token, w.SessionId);
        gov.Board.CurrentItemId.ShouldBe(w.DecisionItem);

        await Position(w, w.Gov.Token, "Support", "Ready.");
        await Position(w, w.Cso.Token, "Object", "Too slow.");
        await Position(w, w.Secretariat, "Abstain", "", onBehalfOf: w.Other.MemberId);

        foreach (var screen in new[] { gov, cso, observer })
        {
            await screen.Until(b => Shows(b, w.DecisionItem, w.Gov.MemberId, Stance.Support)
                                    && Shows(b, w.DecisionItem, w.Cso.MemberId, Stance.Object)
                                    && Shows(b, w.DecisionItem, w.Other.MemberId, Stance.Abstain));
            screen.AppliedVersions.ShouldBeInOrder(SortDirection.Ascending);
            screen.AppliedVersions.Distinct().Count().ShouldBe(screen.AppliedVersions.Count);
            var item = screen.Board.Agenda.Single(i => i.ItemId == w.DecisionItem);
            item.Tally[Stance.Object].ShouldBe(1);
            item.Positions[w.Cso.MemberId].Statement.ShouldBe("Too slow.");
        }
        // What the screens show is what the server's board says.
        var server = await Board(w, w.Gov.Token);
        observer.Board.Version.ShouldBe(server.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Twenty_screens_spread_over_the_groups_slices_each_see_every_position_once_and_one_that_left_sees_no_more()
    {
        var w = await World(open: true);
        // Twenty screens are spread over the session group's eight slices (ADR 0031): a push goes out slice by slice.
        var screens = new List<BoardMirror>();
        try
        {
            for (var i = 0; i < 20; i++) screens.Add(await BoardMirror.Join(Host, i % 2 == 0 ? w.Gov.Token : w.Observer.Token, w.SessionId));
            var left = screens[^1];
            await left.Leave();
            var seenBeforeLeaving = left.AppliedVersions.Count;

            await Position(w, w.Gov.Token, "Support", "Ready.");
            await Position(w, w.Cso.Token, "Object", "Too slow.");

            foreach (var screen in screens.SkipLast(1))
            {
                await screen.Until(b => Shows(b, w.DecisionItem, w.Gov.MemberId, Stance.Support) && Shows(b, w.DecisionItem, w.Cso.MemberId, Stance.Object));
                screen.AppliedVersions.Distinct().Count().ShouldBe(screen.AppliedVersions.Count);
                screen.PushedPositions.Count(p => p.MemberId == w.Gov.MemberId).ShouldBe(1);
            }
            left.AppliedVersions.Count.ShouldBe(seenBeforeLeaving);
            Shows(left.Board, w.DecisionItem, w.Gov.MemberId, Stance.Support).ShouldBeFalse();
        }
        finally
        {
            foreach (var screen in screens) await screen.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_client_that_disconnects_and_rejoins_converges_on_the_latest_board()
    {
        var w = await World(open: true);
        await using var cso = await BoardMirror.Join(Host, w.Cso.Token, w.SessionId);
        await cso.Disconnect();

        await Position(w, w.Gov.Token, "Support", "While you were away.");
        await PostJson(w.GovChair.Token, w.Url("/hands"), new { raised = true }, 200);

        await cso.Reconnect();
        await cso.Until(b => Shows(b, w.DecisionItem, w.Gov.MemberId, Stance.Support) && b.Hands.Count == 1);
        var server = await Board(w, w.Cso.Token);
        cso.Board.Version.ShouldBe(server.GetProperty("version").GetInt64());

        // And it keeps following afterwards.
        await Position(w, w.Cso.Token, "Block", "No register without sanctions.");
        await cso.Until(b => Shows(b, w.DecisionItem, w.Cso.MemberId, Stance.Block));
    }

    [Fact]
    public async Task An_observer_cannot_write_and_outsiders_and_anonymous_callers_cannot_join()
    {
        var w = await World(open: true);
        await using var observer = await BoardMirror.Join(Host, w.Observer.Token, w.SessionId);
        ShouldBeProblem(await PostJson(w.Observer.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Support" }, 403), 403, "voting-member-only");
        observer.Board.Agenda.Single(i => i.ItemId == w.DecisionItem).Positions.ShouldBeEmpty();

        var admin = await AdminToken();
        var otherForum = (await PostJson(admin, "/api/forums", new { name = "Another forum", country = "Georgia", language = "ka" })).GetProperty("forumId").GetGuid();
        await PostJson(admin, $"/api/forums/{otherForum}/members", new { name = "ნინო", email = "elsewhere@forum.test", group = "CivilSociety", role = "Member" });
        var outsider = await TokenFor("elsewhere@forum.test");

        await using var outsiderConnection = BoardMirror.Connect(Host, outsider);
        await outsiderConnection.StartAsync();
        (await Should.ThrowAsync<HubException>(() => outsiderConnection.InvokeAsync<object>("Join", w.SessionId))).Message.ShouldContain("forum-members-only");

        await using var anonymous = BoardMirror.Connect(Host, null);
        await anonymous.StartAsync();
        (await Should.ThrowAsync<HubException>(() => anonymous.InvokeAsync<object>("Join", w.SessionId))).Message.ShouldContain("sign-in-required");
    }

    [Fact]
    public async Task A_submission_refused_at_its_turn_is_told_to_the_submitter_and_on_its_receipt()
    {
        var w = await World(open: true);
        await using var gov = await BoardMirror.Join(Host, w.Gov.Token, w.SessionId);
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new { outcome = "Deferred", text = "Next meeting." }, 200);
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/close"), new { }, 200);

        // Left in the inbox by an earlier version (ADR 0030), accepted before the item closed; its turn comes after.
        var late = Guid.CreateVersion7();
        var account = (await GetJson(w.Gov.Token, "/api/me")).GetProperty("accountId").GetGuid();
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().PublishAsync(
            new Forum.Host.Sessions.SubmittingPositions.PositionSubmission(w.SessionId, w.DecisionItem, late, account, w.Gov.Email, false, Stance.Support, "too late", null, DateTimeOffset.UtcNow));
        var receipt = await Fixture.Receipts.WaitFor(late);
        receipt.Status.ShouldBe(Forum.Host.Sessions.SubmittingPositions.SubmissionStatus.Refused);
        var status = await GetJson(w.Gov.Token, w.Url($"/submissions/{late}"));
        status.GetProperty("status").GetString().ShouldBe("Refused");
        status.GetProperty("rule").GetString().ShouldBe("item-not-open");
        await gov.UntilRefused(late);
    }

    [Fact]
    public async Task A_room_display_token_reads_and_follows_its_session_and_does_nothing_else()
    {
        var w = await World(open: true);
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Url("/display-tokens"), new { }, 403), 403, "secretariat-or-co-chair-only");
        var made = await PostJson(w.CsoChair.Token, w.Url("/display-tokens"), new { });
        var display = made.GetProperty("token").GetString()!;
        made.GetProperty("url").GetString()!.ShouldBe($"http://forum.test/display/{w.SessionId}?token={Uri.EscapeDataString(display)}");

        (await Board(w, display)).GetProperty("title").GetString().ShouldBe("Spring plenary");
        await using var screen = await BoardMirror.Join(Host, display, w.SessionId);
        await Position(w, w.Gov.Token, "Support", "Seen on the big screen.");
        await screen.Until(b => Shows(b, w.DecisionItem, w.Gov.MemberId, Stance.Support));

        // Anywhere else it is no one: not a member, not its maker.
        ShouldBeProblem(await PostJson(display, w.Item(w.DecisionItem, "/positions"), new { stance = "Support" }, 401), 401, "sign-in-required");
        ShouldBeProblem(await GetJson(display, "/api/me", 401), 401, "sign-in-required");
        ShouldBeProblem(await GetJson(display, $"/api/forums/{w.ForumId}", 401), 401, "sign-in-required");
        ShouldBeProblem(await PostJson(display, w.Url("/close"), new { }, 401), 401, "sign-in-required");

        var other = (await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/sessions", new
        {
            title = "Another", startsAt = DateTimeOffset.UtcNow.AddDays(3), endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(1), mode = "Online", onlineUrl = "https://meet.example.org/x",
        })).GetProperty("sessionId").GetGuid();
        ShouldBeProblem(await GetJson(display, $"/api/sessions/{other}", 401), 401, "sign-in-required");
        await using var wrongRoom = BoardMirror.Connect(Host, display);
        await wrongRoom.StartAsync();
        (await Should.ThrowAsync<HubException>(() => wrongRoom.InvokeAsync<object>("Join", other))).Message.ShouldContain("display-token-scope");

        // Its maker can revoke it like any of their tokens.
        await Send(w.CsoChair.Token, s => s.Delete.Url($"/api/me/tokens/{made.GetProperty("tokenId").GetGuid()}"), 204);
        ShouldBeProblem(await GetJson(display, w.Url(), 401), 401, "sign-in-required");
    }

    [Fact]
    public async Task A_change_committed_where_this_host_did_not_see_it_still_reaches_the_screens_in_order()
    {
        var w = await World(open: true);
        await using var screen = await BoardMirror.Join(Host, w.Cso.Token, w.SessionId);
        await Position(w, w.Gov.Token, "Support", "first");
        await screen.Until(b => Shows(b, w.DecisionItem, w.Gov.MemberId, Stance.Support));

        // Another host: the same database and projections, none of this host's listeners.
        await using (var otherHost = DocumentStore.For(o =>
        {
            o.Connection(AppFixture.ConnectionString);
            o.DatabaseSchemaName = Fixture.SchemaName;
            o.UseSystemTextJsonForSerialization(Weasel.Core.EnumStorage.AsString, Weasel.Core.Casing.CamelCase);
            o.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsGuid;
            o.AddForumProjections();
            o.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        }))
        await using (var session = otherHost.LightweightSession())
        {
            var stream = await session.Events.FetchForExclusiveWriting<SessionState>(w.SessionId);
            stream.AppendOne(new PositionSubmitted(w.SessionId, w.DecisionItem, w.Cso.MemberId, Stance.Object, "from the other host", null, Guid.CreateVersion7(), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        // The next change this host commits spans the one it missed: the screen gets both, with no gap to rejoin for.
        await Position(w, w.Gov.Token, "Abstain", "second");
        await screen.Until(b => Shows(b, w.DecisionItem, w.Gov.MemberId, Stance.Abstain) && Shows(b, w.DecisionItem, w.Cso.MemberId, Stance.Object));
        screen.Rejoins.ShouldBe(0);
        screen.AppliedVersions.ShouldBeInOrder(SortDirection.Ascending);
    }
}
