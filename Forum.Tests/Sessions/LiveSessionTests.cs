using Forum.Tests.Support;

namespace Forum.Tests.Sessions;

[Collection(ApiCollection.Name)]
public class LiveSessionTests(ApiFixture fixture) : SessionContext(fixture)
{
    [Fact]
    public async Task A_co_chair_runs_an_item_from_open_to_decision_with_a_block_answered()
    {
        var w = await World(open: true);

        var board = await Board(w, w.Gov.Token);
        board.GetProperty("status").GetString().ShouldBe("Open");
        board.GetProperty("currentItemId").GetGuid().ShouldBe(w.DecisionItem);
        board.GetProperty("attendance").GetProperty("Government").GetProperty("InRoom").GetInt32().ShouldBe(2);
        board.GetProperty("attendance").GetProperty("CivilSociety").GetProperty("Online").GetInt32().ShouldBe(2);
        // Checked in by the secretariat: the board says so, and never shows whose address did it (observers and guests read it too).
        board.GetProperty("attendees").GetProperty(w.Other.MemberId.ToString()).GetProperty("recordedBySecretariat").GetBoolean().ShouldBeTrue();
        board.ToString().ShouldNotContain("sec@forum.test");
        board.GetProperty("quorum").GetProperty("met").GetBoolean().ShouldBeTrue();

        await Position(w, w.Gov.Token, "Support", "The ministry is ready.");
        await Position(w, w.Cso.Token, "Block", "Without sanctions the register changes nothing.");
        await Position(w, w.Secretariat, "SupportWithReservations", "Needs funding.", onBehalfOf: w.Other.MemberId);
        await Position(w, w.CsoChair.Token, "Support");

        board = await Board(w, w.Observer.Token);
        var item = ItemOf(board, w.DecisionItem);
        item.GetProperty("tally").GetProperty("Block").GetInt32().ShouldBe(1);
        item.GetProperty("tallyByGroup").GetProperty("CivilSociety").GetProperty("Support").GetInt32().ShouldBe(1);
        item.GetProperty("positions").GetProperty(w.Other.MemberId.ToString()).GetProperty("recordedBySecretariat").GetBoolean().ShouldBeTrue();
        board.ToString().ShouldNotContain("sec@forum.test");
        var beforeDecision = board.GetProperty("version").GetInt64();

        var refused = await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new { outcome = "ConsensusWithReservations", text = "Publish by June." }, 409);
        ShouldBeProblem(refused, 409, "block-stands");
        refused.GetProperty("detail").GetString()!.ShouldContain("Ion Rusu");

        // The blocker is heard and revises to an objection; resubmitting revises.
        await Position(w, w.Cso.Token, "Object", "Sanctions must follow within a year.");
        ShouldBeProblem(await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new { outcome = "ConsensusWithReservations" }, 409), 409, "response-required");

        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/decision"), new
        {
            outcome = "ConsensusWithReservations",
            text = "Publish the register as open data by June; sanctions reviewed within a year.",
            responses = new[]
            {
                new { memberId = w.Cso.MemberId, response = "Sanctions are added to the review in the decision text." },
                new { memberId = w.Other.MemberId, response = "Funding is requested in the 2027 budget." },
            },
            actionPoints = new[] { new { description = "Draft the sanctions review", ownerMemberId = w.Gov.MemberId, due = "2027-03-01" } },
        }, 200);
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/close"), new { }, 200);

        board = await Board(w, w.Cso.Token);
        var decision = ItemOf(board, w.DecisionItem).GetProperty("decision");
        decision.GetProperty("outcome").GetString().ShouldBe("ConsensusWithReservations");
        decision.GetProperty("quorum").GetProperty("met").GetBoolean().ShouldBeTrue();
        decision.GetProperty("present").GetArrayLength().ShouldBe(6);
        decision.GetProperty("objections").EnumerateArray().Select(o => o.GetProperty("stance").GetString()).ShouldBe(["Object", "SupportWithReservations"], ignoreOrder: true);
        ItemOf(board, w.DecisionItem).GetProperty("actionPoints")[0].GetProperty("ownerName").GetString().ShouldBe("Ani Petrosyan");
        ItemOf(board, w.DecisionItem).GetProperty("status").GetString().ShouldBe("Closed");

        // The board as the room saw it before the decision.
        var then = await Board(w, w.Cso.Token, $"?version={beforeDecision}");
        then.GetProperty("version").GetInt64().ShouldBe(beforeDecision);
        ItemOf(then, w.DecisionItem).GetProperty("decision").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        StanceOf(then, w.DecisionItem, w.Cso.MemberId).ShouldBe("Block");

        // The board as it was at a moment, by time.
        var at = board.GetProperty("agenda").EnumerateArray().Single(i => i.GetProperty("itemId").GetGuid() == w.DecisionItem).GetProperty("openedAt").GetDateTimeOffset();
        var atOpening = await Board(w, w.Cso.Token, $"?at={Uri.EscapeDataString(at.ToString("O"))}");
        ItemOf(atOpening, w.DecisionItem).GetProperty("positions").EnumerateObject().Count().ShouldBe(0);
        ShouldBeProblem(await GetJson(w.Cso.Token, w.Url("?version=0"), 400), 400, "version-range", "version");

        // Closing the session starts the minutes: drafted from the record, in the session's language.
        await Tracked(() => PostJson(w.CsoChair.Token, w.Url("/close"), new { }, 200));
        (await Board(w, w.Gov.Token)).GetProperty("status").GetString().ShouldBe("Closed");
        var minutes = await GetJson(w.Gov.Token, w.Url("/minutes"));
        minutes.GetProperty("status").GetString().ShouldBe("Draft");
        minutes.GetProperty("language").GetString().ShouldBe("en");
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Support" }, 409), 409, "session-closed");

        // What the forum can show for the OGP standards.
        var health = await GetJson(w.Observer.Token, $"/api/forums/{w.ForumId}/health");
        health.GetProperty("sessionsHeld").GetInt32().ShouldBe(1);
        health.GetProperty("meetsEverySixMonths").GetBoolean().ShouldBeTrue();
        health.GetProperty("parityShare").GetDouble().ShouldBe(1);
        health.GetProperty("decisions").GetInt32().ShouldBe(1);
        health.GetProperty("consensusShare").GetDouble().ShouldBe(1);
        health.GetProperty("positionsDecidedShare").GetDouble().ShouldBe(1);
        health.GetProperty("objectionsAnsweredShare").GetDouble().ShouldBe(1);
        ShouldBeProblem(await GetJson(null, $"/api/forums/{w.ForumId}/health", 401), 401, "sign-in-required");
    }

    [Fact]
    public async Task Who_may_do_what_is_enforced_and_nothing_is_appended_on_refusal()
    {
        var w = await World();
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Url("/open"), new { }, 403), 403, "co-chair-only");
        ShouldBeProblem(await PostJson(w.Secretariat, w.Url("/open"), new { }, 403), 403, "co-chair-only");
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Support" }, 409), 409, "session-not-open");
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Url("/agenda"), new { title = "Mine", kind = "Discussion" }, 403), 403, "secretariat-only");

        await PostJson(w.GovChair.Token, w.Url("/open"), new { }, 200);
        var before = await EventCount();
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Support" }, 409), 409, "item-not-open");
        await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/open"), new { }, 200);
        before = await EventCount();
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Support" }, 409), 409, "check-in-first");
        await PostJson(w.Observer.Token, w.Url("/check-in"), new { presence = "Online" }, 200);
        before = await EventCount();
        ShouldBeProblem(await PostJson(w.Observer.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Support" }, 403), 403, "voting-member-only");
        ShouldBeProblem(await PostJson(w.Observer.Token, w.Url("/hands"), new { raised = true }, 403), 403, "voting-member-only");
        await PostJson(w.Gov.Token, w.Url("/check-in"), new { presence = "InRoom" }, 200);
        before = await EventCount();
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Maybe" }, 400), 400, "field-unreadable", "stance");
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Block" }, 400), 400, "statement-required", "statement");
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Item(w.InfoItem, "/positions"), new { stance = "Support" }, 409), 409, "item-not-open");
        ShouldBeProblem(await PostJson(w.GovChair.Token, w.Item(w.InfoItem, "/open"), new { }, 409), 409, "one-item-at-a-time");
        ShouldBeProblem(await PostJson(w.GovChair.Token, w.Url("/close"), new { }, 409), 409, "item-still-open");
        ShouldBeProblem(await PostJson(w.GovChair.Token, w.Item(w.DecisionItem, "/close"), new { }, 409), 409, "decision-required");
        ShouldBeProblem(await PostJson(w.Secretariat, w.Item(w.DecisionItem, "/positions"), new { stance = "Support", onBehalfOf = w.Cso.MemberId }, 409), 409, "check-in-first");
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Support", onBehalfOf = w.Cso.MemberId }, 403), 403, "secretariat-only");
        ShouldBeProblem(await PostJson(null, w.Item(w.DecisionItem, "/positions"), new { stance = "Support" }, 401), 401, "sign-in-required");
        var stranger = await TokenFor("stranger@else.test");
        ShouldBeProblem(await GetJson(stranger, w.Url(), 404), 404, "forum-members-only");
        ShouldBeProblem(await GetJson(w.Gov.Token, $"/api/sessions/{Guid.NewGuid()}", 404), 404, "session-not-found");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Hands_queue_in_order_and_the_floor_records_speaking_time_by_group()
    {
        var w = await World(open: true);
        await PostJson(w.Cso.Token, w.Url("/hands"), new { raised = true }, 200);
        await PostJson(w.Gov.Token, w.Url("/hands"), new { raised = true }, 200);
        var board = await Board(w, w.Gov.Token);
        board.GetProperty("hands").EnumerateArray().Select(h => h.GetProperty("name").GetString()).ShouldBe(["Ion Rusu", "Ani Petrosyan"]);

        await PostJson(w.GovChair.Token, w.Url("/floor"), new { memberId = w.Cso.MemberId }, 200);
        board = await Board(w, w.Gov.Token);
        board.GetProperty("floor").GetProperty("name").GetString().ShouldBe("Ion Rusu");
        board.GetProperty("hands").GetArrayLength().ShouldBe(1);

        await PostJson(w.GovChair.Token, w.Url("/floor"), new { memberId = w.Gov.MemberId }, 200);
        await PostJson(w.GovChair.Token, w.Url("/floor"), new { }, 200);
        board = await Board(w, w.Gov.Token);
        board.GetProperty("floor").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        board.GetProperty("speakingSeconds").TryGetProperty("CivilSociety", out var cso).ShouldBeTrue();
        cso.GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        board.GetProperty("speakingSeconds").TryGetProperty("Government", out _).ShouldBeTrue();
        ShouldBeProblem(await PostJson(w.Gov.Token, w.Url("/floor"), new { memberId = w.Gov.MemberId }, 403), 403, "co-chair-only");
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_idempotency_key_is_a_no_op()
    {
        var w = await World(open: true);
        var first = await Position(w, w.Gov.Token, "Support", "Yes", key: "tap-1");
        var second = await Position(w, w.Gov.Token, "Support", "Yes", key: "tap-1");
        second.GetProperty("submissionId").GetGuid().ShouldBe(first.GetProperty("submissionId").GetGuid());
        // Decided when answered (ADR 0030), and the retry is answered with what became of the first.
        first.GetProperty("status").GetString().ShouldBe("Applied");
        second.GetProperty("status").GetString().ShouldBe("Applied");
        var positions = (await EventsOf<Forum.Domain.Sessions.PositionSubmitted>(w.SessionId)).Count;
        positions.ShouldBe(1);
        var receipt = await GetJson(w.Gov.Token, w.Url($"/submissions/{first.GetProperty("submissionId").GetGuid()}"));
        receipt.GetProperty("status").GetString().ShouldBe("Applied");
    }

    [Fact]
    public async Task Schedule_reschedule_cancel_and_agenda_checks()
    {
        var w = await World();
        // A time still to come whenever the suite runs: a start gone by is refused first (starts-in-past), as on a reschedule.
        var at = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30).AddHours(10), TimeSpan.Zero);
        var gone = DateTimeOffset.UtcNow.AddHours(-1);
        var events = await EventCount();
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/sessions", new { title = "X", startsAt = gone, endsAt = gone.AddHours(2), mode = "Online", onlineUrl = "https://x.org" }, 400), 400, "starts-in-past", "startsAt");
        ShouldBeProblem(await ReadJson(await Send(w.Secretariat, s => s.Put.Json(new { startsAt = gone, endsAt = gone.AddHours(2) }).ToUrl(w.Url("/schedule")), 400)), 400, "starts-in-past", "startsAt");
        (await EventCount()).ShouldBe(events);
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/sessions", new { title = "X", startsAt = at, endsAt = at.AddHours(-1), mode = "Online", onlineUrl = "https://x.org" }, 400), 400, "ends-after-start", "endsAt");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/sessions", new { title = "X", startsAt = at, endsAt = at.AddHours(2), mode = "InPerson" }, 400), 400, "field-required", "venue");
        ShouldBeProblem(await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/sessions", new { title = "X", startsAt = at, endsAt = at.AddHours(2), mode = "Online", onlineUrl = "javascript:alert(1)" }, 400), 400, "url-invalid", "onlineUrl");
        ShouldBeProblem(await PostJson(w.Gov.Token, $"/api/forums/{w.ForumId}/sessions", new { title = "X", startsAt = at, endsAt = at.AddHours(2), mode = "Online", onlineUrl = "https://x.org" }, 403), 403, "secretariat-only");

        // Moved to a time still to come, whenever the suite runs (a start gone by is refused: starts-in-past).
        var moved = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(60).AddHours(9), TimeSpan.Zero);
        await Send(w.Secretariat, s => s.Put.Json(new { startsAt = moved, endsAt = moved.AddHours(3) }).ToUrl(w.Url("/schedule")), 200);
        await Send(w.Secretariat, s => s.Put.Json(new { itemIds = new[] { w.DecisionItem, w.InfoItem } }).ToUrl(w.Url("/agenda")), 200);
        ShouldBeProblem(await ReadJson(await Send(w.Secretariat, s => s.Put.Json(new { itemIds = new[] { w.DecisionItem } }).ToUrl(w.Url("/agenda")), 400)), 400, "agenda-order-complete", "itemIds");
        var board = await Board(w, w.Gov.Token);
        board.GetProperty("startsAt").GetDateTimeOffset().ShouldBe(moved);
        board.GetProperty("agenda")[0].GetProperty("itemId").GetGuid().ShouldBe(w.DecisionItem);

        var sessions = await GetJson(w.Observer.Token, $"/api/forums/{w.ForumId}/sessions");
        sessions.GetArrayLength().ShouldBe(1);

        ShouldBeProblem(await PostJson(w.Secretariat, w.Url("/cancel"), new { reason = "" }, 400), 400, "field-required", "reason");
        await PostJson(w.Secretariat, w.Url("/cancel"), new { reason = "Snow storm" }, 200);
        board = await Board(w, w.Gov.Token);
        board.GetProperty("status").GetString().ShouldBe("Cancelled");
        board.GetProperty("cancelReason").GetString().ShouldBe("Snow storm");
        ShouldBeProblem(await PostJson(w.GovChair.Token, w.Url("/open"), new { }, 409), 409, "session-not-scheduled");
    }

    private async Task<List<T>> EventsOf<T>(Guid streamId)
    {
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId);
        return events.Select(e => e.Data).OfType<T>().ToList();
    }
}
