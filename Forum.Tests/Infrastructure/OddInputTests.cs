using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Forum.Domain.Minutes;
using Forum.Tests.Sessions;
using Forum.Tests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// Whatever a caller sends, the answer is a 4xx with problem details naming a rule, never a 500. The routes come from
/// the host's own endpoint data source, so a route added tomorrow is walked too.
/// </summary>
[Collection(ApiCollection.Name)]
public class OddInputTests(ApiFixture fixture) : SessionContext(fixture)
{
    private sealed record Route(string Method, string Pattern, Type? Body);

    private IReadOnlyList<Route> Routes() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/hubs") && !raw.Contains("{*"))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new Route(m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
            .DistinctBy(r => (r.Method, r.Pattern))
            .OrderBy(r => r.Pattern).ThenBy(r => r.Method)
            .ToList();

    /// <summary>A world with something behind every kind of id: an open session, and a closed one whose minutes are drafted.</summary>
    private async Task<(SessionWorld W, Dictionary<string, string> Ids)> Arranged()
    {
        var w = await World();
        var invited = await PostJson(w.Secretariat, w.Url("/invitations"), new { memberIds = new[] { w.Gov.MemberId } });
        await OpenWithEveryoneIn(w);
        var closed = (await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/sessions", new
        {
            title = "Closed one", startsAt = DateTimeOffset.UtcNow.AddDays(2), endsAt = DateTimeOffset.UtcNow.AddDays(2).AddHours(1), mode = "Online",
            onlineUrl = "https://meet.example.org/x", language = "en",
        })).GetProperty("sessionId").GetGuid();
        // The closed session decided one item with an action point first, so that action points' routes have one.
        var decided = (await PostJson(w.Secretariat, $"/api/sessions/{closed}/agenda", new { title = "Register", kind = "Decision" })).GetProperty("itemId").GetGuid();
        await PostJson(w.GovChair.Token, $"/api/sessions/{closed}/open", new { }, 200);
        foreach (var p in new[] { w.GovChair, w.CsoChair, w.Gov, w.Cso })
            await PostJson(p.Token, $"/api/sessions/{closed}/check-in", new { presence = "Online" }, 200);
        await PostJson(w.CsoChair.Token, $"/api/sessions/{closed}/items/{decided}/open", new { }, 200);
        await PostJson(w.GovChair.Token, $"/api/sessions/{closed}/items/{decided}/proposal", new { text = "Publish it." }, 200);
        await Tracked(() => PostJson(w.GovChair.Token, $"/api/sessions/{closed}/items/{decided}/decision", new
        {
            outcome = "ConsensusReached", text = "Published.", actionPoints = new[] { new { description = "Publish", ownerMemberId = w.Gov.MemberId, due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(9) } },
        }, 200));
        await PostJson(w.CsoChair.Token, $"/api/sessions/{closed}/items/{decided}/close", new { }, 200);
        await Tracked(() => PostJson(w.GovChair.Token, $"/api/sessions/{closed}/close", new { }, 200));
        var actionPointId = (await GetJson(w.Gov.Token, "/api/me/action-points")).GetProperty("actionPoints")[0].GetProperty("actionPointId").GetGuid();
        // An action plan with a commitment, a milestone and a proposal, so that their routes reach their input checks.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var planId = (await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/action-plans", new
        {
            title = "Plan", startsOn = today.AddDays(-10), endsOn = today.AddDays(300), proposalsCloseOn = today.AddDays(30),
        })).GetProperty("actionPlanId").GetGuid();
        var commitmentId = (await PostJson(w.Secretariat, $"/api/action-plans/{planId}/commitments", new
        {
            title = "Open registers", problem = "Hidden owners.", description = "A register.", solution = "Public data.",
            leadInstitution = "Org", startsOn = today, endsOn = today.AddDays(200), reporterMemberIds = new[] { w.Gov.MemberId },
        })).GetProperty("commitmentId").GetGuid();
        var milestoneId = (await PostJson(w.Secretariat, $"/api/commitments/{commitmentId}/milestones", new
        {
            title = "Law passed", output = "A law", startsOn = today, endsOn = today.AddDays(100),
        })).GetProperty("milestoneId").GetGuid();
        var proposalId = (await PostJson(w.Cso.Token, $"/api/action-plans/{planId}/proposals", new
        {
            title = "Open contracting", problem = "Opaque tenders.", solution = "Publish every contract.",
        })).GetProperty("proposalId").GetGuid();
        var ids = new Dictionary<string, string>
        {
            ["actionPlanId"] = planId.ToString(), ["commitmentId"] = commitmentId.ToString(), ["milestoneId"] = milestoneId.ToString(),
            ["proposalId"] = proposalId.ToString(), ["actionPointId"] = actionPointId.ToString(),
            ["forumId"] = w.ForumId.ToString(), ["sessionId"] = w.SessionId.ToString(), ["itemId"] = w.DecisionItem.ToString(),
            ["memberId"] = w.Gov.MemberId.ToString(), ["minutesId"] = MinutesDecider.IdFor(closed).ToString(),
            ["invitationId"] = invited.GetProperty("invitationIds")[0].GetGuid().ToString(),
        };
        return (w, ids);
    }

    private static string Fill(string pattern, Func<string, string> value) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([A-Za-z]+)(:[^}]*)?\}", m => value(m.Groups[1].Value));

    private async Task<IScenarioResult> Call(string? token, string method, string url, string? body, params (string Name, string Value)[] headers) =>
        await Host.Scenario(s =>
        {
            if (token is not null) s.WithRequestHeader("Authorization", "Bearer " + token);
            foreach (var (name, value) in headers) s.WithRequestHeader(name, value);
            var send = method switch { "POST" => s.Post, "PUT" => s.Put, "DELETE" => s.Delete, "PATCH" => s.Patch, _ => s.Get };
            if (body is not null && method != "GET") send.Text(body).ContentType("application/json").ToUrl(url);
            else send.Url(url);
            s.IgnoreStatusCode();
        });

    private static async Task NoServerError(IScenarioResult result, string what)
    {
        var status = result.Context.Response.StatusCode;
        status.ShouldBeLessThan(500, what);
        if (status >= 400 && result.Context.Response.ContentType?.Contains("json") == true)
            (await ReadJson(result)).GetProperty("rule").GetString().ShouldNotBeNullOrEmpty(what);
    }

    /// <summary>Every string a request type holds, by its JSON path, with a body that puts <paramref name="text"/> there and nothing else.</summary>
    private static IEnumerable<(string Path, JsonObject Body)> TextFields(Type type, string text, string prefix = "", int depth = 0)
    {
        if (depth > 3) yield break;
        // Only what JSON can set: a computed property (CommitmentRequest.Input) is not part of the body.
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (t == typeof(string)) yield return (prefix + name, new JsonObject { [name] = text });
            else if (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && t.IsGenericType && t.GetGenericArguments()[0] is var element)
            {
                if (element == typeof(string)) yield return ($"{prefix}{name}[0]", new JsonObject { [name] = new JsonArray(text) });
                else if (element.IsClass)
                    foreach (var (path, inner) in TextFields(element, text, $"{prefix}{name}[0].", depth + 1))
                        yield return (path, new JsonObject { [name] = new JsonArray(inner) });
            }
            else if (t.IsClass && t.Namespace?.StartsWith("Forum") == true)
                foreach (var (path, inner) in TextFields(t, text, $"{prefix}{name}.", depth + 1))
                    yield return (path, new JsonObject { [name] = inner });
        }
    }

    [Fact]
    public async Task Every_text_field_of_every_request_refuses_a_control_character_and_names_the_field()
    {
        var (_, ids) = await Arranged();
        var admin = await AdminToken();
        var checkedFields = new List<string>();
        foreach (var route in Routes().Where(r => r.Body is not null))
        {
            var url = Fill(route.Pattern, name => ids.GetValueOrDefault(name, Guid.NewGuid().ToString()));
            foreach (var (path, body) in TextFields(route.Body!, "a\u0000b"))
            {
                var what = $"{route.Method} {route.Pattern} with a NUL in '{path}'";
                var result = await Call(admin, route.Method, url, body.ToJsonString());
                result.Context.Response.StatusCode.ShouldBe(400, what);
                var problem = await ReadJson(result);
                problem.GetProperty("rule").GetString().ShouldBe("control-character", what);
                problem.GetProperty("field").GetString().ShouldBe(path, what);
                checkedFields.Add($"{route.Pattern} {path}");
            }
        }
        // The fields the first hardening round found answering 500, among all the others.
        checkedFields.ShouldContain("/api/me/tokens name");
        checkedFields.ShouldContain("/api/forums description");
        checkedFields.ShouldContain("/api/forums/{forumId}/members organisation");
        checkedFields.ShouldContain("/api/sessions/{sessionId}/schedule venue");
        checkedFields.ShouldContain("/api/sessions/{sessionId}/agenda presenter");
        checkedFields.ShouldContain("/api/sessions/{sessionId}/cancel reason");
        checkedFields.ShouldContain("/api/sessions/{sessionId}/items/{itemId}/decision text");
        checkedFields.ShouldContain("/api/sessions/{sessionId}/items/{itemId}/positions statement");
        checkedFields.ShouldContain("/api/minutes/{minutesId}/revise markdown");
    }

    [Fact]
    public async Task Every_route_answers_control_characters_null_elements_odd_queries_and_foreign_or_malformed_ids_without_a_500()
    {
        var (w, ids) = await Arranged();
        var outsider = await TokenFor("outsider@else.test");
        // Every list a request may hold gets a null element; every name a field may have gets a control character.
        var nulls = new JsonObject();
        var controls = new JsonObject();
        foreach (var route in Routes().Where(r => r.Body is not null))
        {
            foreach (var p in route.Body!.GetProperties())
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
                if (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string)) nulls[name] = new JsonArray((JsonNode?)null);
                controls[name] = "\u0000\u0001\u001b[2J";
            }
        }
        string[] bodies = [nulls.ToJsonString(), controls.ToJsonString(), "{\"responses\":[null],\"actionPoints\":[null,{}]}"];
        Func<string, string>[] idSets =
        [
            name => ids.GetValueOrDefault(name, Guid.NewGuid().ToString()),
            _ => Guid.NewGuid().ToString(),
            _ => "not-a-guid",
            _ => "%01",
        ];
        const string Query = "?version=abc&at=2027-13-45T00:00:00Z&onBehalfOf=not-a-guid&answer=Maybe";
        var calls = 0;
        // The secretariat reaches furthest into every route; someone outside the forum meets its real ids as foreign ones.
        var callers = idSets.Select(idsOf => (w.Secretariat, idsOf)).Append((outsider, idSets[0])).ToList();
        foreach (var route in Routes())
            foreach (var (token, idsOf) in callers)
                {
                    var url = Fill(route.Pattern, idsOf);
                    foreach (var body in route.Body is null ? new string?[] { null } : bodies)
                    {
                        await NoServerError(await Call(token, route.Method, url + Query, body), $"{route.Method} {url}{Query} {body}");
                        calls++;
                    }
                    await NoServerError(await Call(token, route.Method, url + "?answer=%01", route.Body is null ? null : "{}", ("Idempotency-Key", "k\u0007")),
                        $"{route.Method} {url} with control characters in the query and a header");
                    calls++;
                }
        calls.ShouldBeGreaterThan(300);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"title\": {\"nested\": true}}")]
    [InlineData("{\"stance\": null, \"statement\": 12}")]
    public async Task Odd_bodies_get_problem_details_not_a_500(string body)
    {
        var w = await World(open: true);
        string[] urls =
        [
            "/api/forums", $"/api/forums/{w.ForumId}/members", $"/api/forums/{w.ForumId}/sessions", w.Url("/agenda"),
            w.Url("/check-in"), w.Item(w.DecisionItem, "/positions"), w.Item(w.DecisionItem, "/decision"), w.Url("/hands"),
            w.Item(w.DecisionItem, "/proposal"), w.Url("/invitations"), "/api/auth/magic-link", "/api/me/tokens",
        ];
        foreach (var url in urls)
        {
            var result = await Call(w.Secretariat, "POST", url, body);
            var status = result.Context.Response.StatusCode;
            status.ShouldBeInRange(400, 499, $"{url} with body '{body}' answered {status}");
            (await ReadJson(result)).GetProperty("rule").GetString().ShouldNotBeNullOrEmpty($"{url} with body '{body}'");
        }
    }

    [Theory]
    [InlineData("?version=abc", "version")]
    [InlineData("?version=1.5", "version")]
    [InlineData("?version=99999999999999999999", "version")]
    [InlineData("?at=garbage", "at")]
    [InlineData("?at=2027-13-45T00:00:00Z", "at")]
    public async Task A_query_value_that_does_not_parse_is_refused_naming_it_not_read_as_absent(string query, string field)
    {
        var w = await World();
        ShouldBeProblem(await GetJson(w.Gov.Token, w.Url(query), 400), 400, "value-unparseable", field);
    }

    [Fact]
    public async Task Withdrawing_on_behalf_of_an_id_that_does_not_parse_is_refused_and_withdraws_nothing()
    {
        var w = await World(open: true);
        await Position(w, w.Secretariat, "Support", "for the academic in the room", onBehalfOf: w.Other.MemberId);
        await Position(w, w.Cso.Token, "Object", "mine");
        var before = await EventCount();
        ShouldBeProblem(await ReadJson(await Send(w.Cso.Token, s => s.Delete.Url(w.Item(w.DecisionItem, "/positions?onBehalfOf=not-a-guid")), 400)), 400, "value-unparseable", "onBehalfOf");
        (await EventCount()).ShouldBe(before);
        StanceOf(await Board(w, w.Cso.Token), w.DecisionItem, w.Cso.MemberId).ShouldBe("Object");
    }

    [Fact]
    public async Task A_nul_in_a_statement_is_refused_at_the_door_and_never_queued_while_a_neighbours_position_is_applied()
    {
        var w = await World(open: true);
        var refused = await PostJson(w.Gov.Token, w.Item(w.DecisionItem, "/positions"), new { stance = "Object", statement = "a\u0000b" }, 400);
        ShouldBeProblem(refused, 400, "control-character", "statement");
        var applied = await Position(w, w.Cso.Token, "Support", "a neighbour's valid position");
        (await GetJson(w.Cso.Token, w.Url($"/submissions/{applied.GetProperty("submissionId").GetGuid()}"))).GetProperty("status").GetString().ShouldBe("Applied");
        var board = await Board(w, w.Cso.Token);
        StanceOf(board, w.DecisionItem, w.Cso.MemberId).ShouldBe("Support");
        StanceOf(board, w.DecisionItem, w.Gov.MemberId).ShouldBeNull();
        ShouldBeProblem(await ReadJson(await Send(w.Gov.Token, s =>
        {
            s.Post.Json(new { stance = "Support" }).ToUrl(w.Item(w.DecisionItem, "/positions"));
            s.WithRequestHeader("Idempotency-Key", "key\u0001");
        }, 400)), 400, "control-character", "Idempotency-Key");
    }

    [Fact]
    public async Task An_unknown_submission_is_404_and_one_still_waiting_in_the_inbox_is_accepted_for_its_sender_only()
    {
        var w = await World(open: true);
        ShouldBeProblem(await GetJson(w.Gov.Token, w.Url($"/submissions/{Guid.NewGuid()}"), 404), 404, "submission-not-found");

        // A submission the door accepted waits in Wolverine's durable inbox for its turn (here: held there an hour).
        var waiting = Guid.CreateVersion7();
        var account = (await GetJson(w.Gov.Token, "/api/me")).GetProperty("accountId").GetGuid();
        using (var scope = Host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().ScheduleAsync(
                new Forum.Host.Sessions.SubmittingPositions.PositionSubmission(w.SessionId, w.DecisionItem, waiting, account, w.Gov.Email, false,
                    Forum.Domain.Sessions.Stance.Support, "queued", null, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow.AddHours(1));
        (await GetJson(w.Gov.Token, w.Url($"/submissions/{waiting}"))).GetProperty("status").GetString().ShouldBe("Accepted");
        ShouldBeProblem(await GetJson(w.Cso.Token, w.Url($"/submissions/{waiting}"), 404), 404, "submission-not-found");

        var applied = await Position(w, w.Gov.Token, "Abstain", "applied");
        (await GetJson(w.Gov.Token, w.Url($"/submissions/{applied.GetProperty("submissionId").GetGuid()}"))).GetProperty("status").GetString().ShouldBe("Applied");
    }
}
