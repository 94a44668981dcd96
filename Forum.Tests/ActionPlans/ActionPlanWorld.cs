using System.Text.Json;
using Forum.Tests.Sessions;
using Forum.Tests.Support;

namespace Forum.Tests.ActionPlans;

/// <summary>A forum of three groups with co-chairs, a ministry's reporter, and an action plan open for proposals, built through the API.</summary>
public sealed class ActionPlanWorld
{
    public required Guid ForumId { get; init; }
    public required Guid PlanId { get; init; }
    public required string Secretariat { get; init; }
    public required Person GovChair { get; init; }
    public required Person CsoChair { get; init; }
    public required Person Reporter { get; init; }
    public required Person Finance { get; init; }
    public required Person Cso { get; init; }
    public required Person Other { get; init; }
    public required Person Observer { get; init; }
    public required DateOnly Today { get; init; }

    public string Plan(string path = "") => $"/api/action-plans/{PlanId}{path}";
}

public abstract class ActionPlanContext(AppFixture fixture) : IntegrationContext(fixture)
{
    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    protected async Task<ActionPlanWorld> World()
    {
        var admin = await AdminToken();
        var forumId = (await PostJson(admin, "/api/forums", new { name = "Open Government Forum", country = "Moldova", language = "ro" })).GetProperty("forumId").GetGuid();
        await Send(admin, s => s.Post.Json(new { email = "sec@forum.test" }).ToUrl($"/api/forums/{forumId}/secretariat"), 204);
        var sec = await TokenFor("sec@forum.test");

        async Task<Person> Member(string name, string email, string organisation, string group, string role = "Member")
        {
            var id = (await PostJson(sec, $"/api/forums/{forumId}/members", new { name, email, organisation, group, role })).GetProperty("memberId").GetGuid();
            return new Person(id, name, email, await TokenFor(email));
        }

        var govChair = await Member("Olena Koval", "olena@gov.test", "State Chancellery", "Government");
        var csoChair = await Member("Nino Beridze", "nino@cso.test", "Civic Watch", "CivilSociety");
        var reporter = await Member("Ani Petrosyan", "ani@justice.test", "Ministry of Justice", "Government");
        var finance = await Member("Petru Ciobanu", "petru@finance.test", "Ministry of Finance", "Government");
        var cso = await Member("Ion Rusu", "ion@cso.test", "Transparency Watch", "CivilSociety");
        var other = await Member("Academic", "prof@uni.test", "University", "Other");
        var observer = await Member("Press", "press@news.test", "News", "Other", "Observer");
        await Send(sec, s => s.Post.Json(new { memberId = govChair.MemberId }).ToUrl($"/api/forums/{forumId}/co-chairs"), 204);
        await Send(sec, s => s.Post.Json(new { memberId = csoChair.MemberId }).ToUrl($"/api/forums/{forumId}/co-chairs"), 204);

        var plan = await PostJson(sec, $"/api/forums/{forumId}/action-plans", new
        {
            title = "National Action Plan 2026–2028", startsOn = Today.AddDays(-200), endsOn = Today.AddDays(500), proposalsCloseOn = Today.AddDays(30),
        });
        return new ActionPlanWorld
        {
            ForumId = forumId, PlanId = plan.GetProperty("actionPlanId").GetGuid(), Secretariat = sec, GovChair = govChair, CsoChair = csoChair,
            Reporter = reporter, Finance = finance, Cso = cso, Other = other, Observer = observer, Today = Today,
        };
    }

    protected static object CommitmentBody(ActionPlanWorld w, string title = "Open beneficial ownership") => new
    {
        title, problem = "Shell companies hide who owns them.", description = "A public register of beneficial owners.",
        solution = "Journalists and banks can see who owns a company.", values = new[] { "Transparency", "PublicAccountability" },
        leadInstitution = "Ministry of Justice", supportingActors = new[] { new { name = "Transparency Watch", group = "CivilSociety" } },
        startsOn = w.Today.AddDays(-190), endsOn = w.Today.AddDays(400), reporterMemberIds = new[] { w.Reporter.MemberId },
    };

    /// <summary>A drafted commitment with two milestones: one that ended yesterday, one still to come.</summary>
    protected async Task<(Guid Commitment, Guid Overdue, Guid Upcoming)> Commitment(ActionPlanWorld w, string title = "Open beneficial ownership")
    {
        var id = (await PostJson(w.Secretariat, w.Plan("/commitments"), CommitmentBody(w, title))).GetProperty("commitmentId").GetGuid();
        var overdue = (await PostJson(w.Secretariat, $"/api/commitments/{id}/milestones", new
        {
            title = "Register law passed", output = "A law in force", startsOn = w.Today.AddDays(-180), endsOn = w.Today.AddDays(-1),
        })).GetProperty("milestoneId").GetGuid();
        var upcoming = (await PostJson(w.Secretariat, $"/api/commitments/{id}/milestones", new
        {
            title = "Register online", output = "Open data of owners", startsOn = w.Today, endsOn = w.Today.AddDays(300),
        })).GetProperty("milestoneId").GetGuid();
        return (id, overdue, upcoming);
    }

    /// <summary>A session whose decision item is about the commitment (or proposal), opened, everyone in, ready for a decision.</summary>
    protected async Task<(Guid Session, Guid Item)> SessionAbout(ActionPlanWorld w, Guid? commitmentId = null, Guid? proposalId = null)
    {
        var sessionId = (await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/sessions", new
        {
            title = "Co-creation plenary", startsAt = DateTimeOffset.UtcNow.AddDays(1), endsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(3),
            mode = "Online", onlineUrl = "https://meet.example.org/plenary",
        })).GetProperty("sessionId").GetGuid();
        var item = (await PostJson(w.Secretariat, $"/api/sessions/{sessionId}/agenda", new { title = "Adopt the commitment", kind = "Decision", commitmentId, proposalId }))
            .GetProperty("itemId").GetGuid();
        await PostJson(w.GovChair.Token, $"/api/sessions/{sessionId}/open", new { }, 200);
        foreach (var p in new[] { w.GovChair, w.CsoChair, w.Reporter, w.Finance, w.Cso, w.Other })
            await PostJson(p.Token, $"/api/sessions/{sessionId}/check-in", new { presence = "Online" }, 200);
        await PostJson(w.CsoChair.Token, $"/api/sessions/{sessionId}/items/{item}/open", new { }, 200);
        await PostJson(w.GovChair.Token, $"/api/sessions/{sessionId}/items/{item}/proposal", new { text = "The forum adopts the commitment." }, 200);
        return (sessionId, item);
    }

    protected Task Decide(ActionPlanWorld w, Guid session, Guid item, string outcome, object[]? actionPoints = null) =>
        Tracked(() => PostJson(w.GovChair.Token, $"/api/sessions/{session}/items/{item}/decision", new { outcome, text = "Adopted as drafted.", actionPoints }, 200));

    /// <summary>Drafted, then adopted by consensus in a session: what monitoring starts from.</summary>
    protected async Task<(Guid Commitment, Guid Overdue, Guid Upcoming)> AdoptedCommitment(ActionPlanWorld w)
    {
        var c = await Commitment(w);
        var (session, item) = await SessionAbout(w, c.Commitment);
        await Decide(w, session, item, "ConsensusReached");
        return c;
    }

    protected static JsonElement CommitmentIn(JsonElement tracker, Guid id) =>
        tracker.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("commitmentId").GetGuid() == id);
}
