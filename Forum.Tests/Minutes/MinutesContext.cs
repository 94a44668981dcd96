using Forum.Domain.Forums;
using Forum.Domain.Minutes;
using Forum.Domain.Sessions;
using Forum.Host.Minutes;
using Forum.Tests.Support;
using Npgsql;
using Wolverine.Tracking;

namespace Forum.Tests.Minutes;

/// <summary>
/// A forum built through the API (secretariat, two co-chairs, members, an observer) and a closed session whose record
/// is appended directly, as the live-session endpoints would have appended it.
/// </summary>
public abstract class MinutesContext(AppFixture fixture) : IntegrationContext(fixture)
{
    protected const string Markup = "<script>alert('x')</script> **not bold** [link](http://evil.test)";
    protected Guid ForumId, GovChair, CsoChair, GovMember, CsoMember, Observer;
    protected string Admin = "", Secretariat = "", GovChairToken = "", CsoChairToken = "", MemberToken = "";

    protected async Task ArrangeForum()
    {
        Admin = await AdminToken();
        ForumId = (await PostJson(Admin, "/api/forums", new { name = "Anti-corruption forum", country = "Ukraine", language = "uk" })).GetProperty("forumId").GetGuid();
        await Send(Admin, s => s.Post.Json(new { email = "sec@forum.test" }).ToUrl($"/api/forums/{ForumId}/secretariat"), 204);
        Secretariat = await TokenFor("sec@forum.test");
        GovChair = await Admit("Олена Коваль", "olena@gov.test", "Government");
        CsoChair = await Admit("Nino Beridze", "nino@cso.test", "CivilSociety");
        GovMember = await Admit("Ani Petrosyan", "ani@gov.test", "Government");
        CsoMember = await Admit("Їжак Євген", "yevhen@cso.test", "CivilSociety");
        Observer = await Admit("Press", "press@news.test", "Other", "Observer");
        await Send(Secretariat, s => s.Post.Json(new { memberId = GovChair }).ToUrl($"/api/forums/{ForumId}/co-chairs"), 204);
        await Send(Secretariat, s => s.Post.Json(new { memberId = CsoChair }).ToUrl($"/api/forums/{ForumId}/co-chairs"), 204);
        GovChairToken = await TokenFor("olena@gov.test");
        CsoChairToken = await TokenFor("nino@cso.test");
        MemberToken = await TokenFor("ani@gov.test");
    }

    private async Task<Guid> Admit(string name, string email, string group, string role = "Member") =>
        (await PostJson(Secretariat, $"/api/forums/{ForumId}/members", new { name, email, organisation = "Org", group, role })).GetProperty("memberId").GetGuid();

    /// <summary>A whole session, from scheduling to closing: two items, one decided with an objection answered.</summary>
    /// <param name="during">Events of the decision item's discussion, after its proposal was revised: (session, item, start of the session).</param>
    protected async Task<Guid> ArrangeClosedSession(string language = "en", bool close = true, string title = "Autumn plenary",
        Func<Guid, Guid, DateTimeOffset, IEnumerable<object>>? during = null)
    {
        var sessionId = Guid.CreateVersion7();
        var by = Guid.CreateVersion7();
        var t = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        var decided = Guid.CreateVersion7();
        var info = Guid.CreateVersion7();
        var rules = ForumRules.Default;
        var voting = new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 2, [StakeholderGroup.CivilSociety] = 2, [StakeholderGroup.Other] = 0 };
        var events = new List<object>
        {
            new SessionScheduled(sessionId, ForumId, title, t, t.AddHours(2), SessionMode.Hybrid, "Kyiv, Hall 3", "https://meet.test/forum", language, by, t.AddDays(-10)),
            new AgendaItemAdded(sessionId, decided, "Open contracting commitment", "Adopt the commitment text.", ItemKind.Decision, "Олена Коваль", 30, by, t.AddDays(-9)),
            new AgendaItemAdded(sessionId, info, "Progress report", "", ItemKind.Information, "Secretariat", 10, by, t.AddDays(-9)),
            new SessionOpened(sessionId, voting, rules, [GovChair, CsoChair], by, t),
            new ParticipantCheckedIn(sessionId, GovChair, "Олена Коваль", StakeholderGroup.Government, MemberRole.Member, Presence.InRoom, null, t.AddMinutes(1)),
            new ParticipantCheckedIn(sessionId, CsoChair, "Nino Beridze", StakeholderGroup.CivilSociety, MemberRole.Member, Presence.Online, null, t.AddMinutes(1)),
            new ParticipantCheckedIn(sessionId, GovMember, "Ani Petrosyan", StakeholderGroup.Government, MemberRole.Member, Presence.InRoom, "sec@forum.test", t.AddMinutes(2)),
            new ParticipantCheckedIn(sessionId, CsoMember, "Їжак Євген", StakeholderGroup.CivilSociety, MemberRole.Member, Presence.Online, null, t.AddMinutes(2)),
            new ParticipantCheckedIn(sessionId, Observer, "Press", StakeholderGroup.Other, MemberRole.Observer, Presence.InRoom, null, t.AddMinutes(3)),
            new AgendaItemOpened(sessionId, decided, by, t.AddMinutes(5)),
            new ProposalTabled(sessionId, decided, "The forum adopts commitment 4.", by, t.AddMinutes(6)),
            new ProposalRevised(sessionId, decided, "The forum adopts commitment 4 as amended.", 1, by, t.AddMinutes(20)),
            new PositionSubmitted(sessionId, decided, CsoMember, Stance.Object, "Too weak", null, Guid.NewGuid(), t.AddMinutes(8)),
            new PositionSubmitted(sessionId, decided, GovMember, Stance.Support, "", "sec@forum.test", Guid.NewGuid(), t.AddMinutes(9)),
            new PositionSubmitted(sessionId, decided, CsoChair, Stance.SupportWithReservations, "Needs a deadline", null, Guid.NewGuid(), t.AddMinutes(10)),
            new PositionSubmitted(sessionId, decided, CsoMember, Stance.Block, Markup, null, Guid.NewGuid(), t.AddMinutes(21)),
            new PositionSubmitted(sessionId, decided, GovChair, Stance.Support, "Українська мова: ї, є, ґ.", null, Guid.NewGuid(), t.AddMinutes(22)),
            new DecisionRecorded(sessionId, decided, Outcome.ConsensusWithReservations, "Commitment 4 is adopted as amended.",
                [
                    new ObjectionOnRecord(CsoMember, "Їжак Євген", StakeholderGroup.CivilSociety, Stance.Block, Markup, "The deadline answers the concern."),
                    new ObjectionOnRecord(CsoChair, "Nino Beridze", StakeholderGroup.CivilSociety, Stance.SupportWithReservations, "Needs a deadline", "A deadline of June was added."),
                ],
                [], new Quorum(true, 4, 2, 4, false, true, "4 of 4"),
                new Dictionary<Stance, int> { [Stance.Support] = 2, [Stance.SupportWithReservations] = 1, [Stance.Block] = 1 }, by, t.AddMinutes(30)),
            new ActionPointAssigned(sessionId, decided, Guid.NewGuid(), "Publish the amended text", GovMember, "Ani Petrosyan", new DateOnly(2026, 12, 31), by, t.AddMinutes(31)),
            new AgendaItemClosed(sessionId, decided, by, t.AddMinutes(32)),
            new AgendaItemOpened(sessionId, info, by, t.AddMinutes(33)),
            new AgendaItemClosed(sessionId, info, by, t.AddMinutes(40)),
        };
        if (during is not null) events.InsertRange(events.FindIndex(e => e is ProposalRevised) + 1, during(sessionId, decided, t));
        if (close) events.Add(new SessionClosed(sessionId, by, t.AddMinutes(45)));
        await using var session = Store.LightweightSession();
        session.Events.StartStream<SessionState>(sessionId, events);
        await session.SaveChangesAsync();
        return sessionId;
    }

    /// <summary>What the close-session endpoint publishes; run through Wolverine as it would be.</summary>
    // Two texts are drafted for a session in another language than English, on a host's first draft with cold templates
    // and on two busy cores: more than the tracked session's default 5 s at times.
    protected Task Draft(Guid sessionId) => Host.InvokeMessageAndWaitAsync(new DraftMinutes(sessionId), 30_000);

    protected static Guid MinutesOf(Guid sessionId) => MinutesDecider.IdFor(sessionId);

    protected async Task<string> GetText(string? token, string url, int status = 200)
    {
        var result = await Send(token, s => s.Get.Url(url), status);
        return await result.ReadAsTextAsync();
    }

    protected async Task<byte[]> GetBytes(string? token, string url)
    {
        var result = await Send(token, s => s.Get.Url(url), 200);
        using var buffer = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    protected async Task Approve(Guid minutesId)
    {
        await Send(GovChairToken, s => s.Post.Url($"/api/minutes/{minutesId}/approve"), 204);
        await Send(CsoChairToken, s => s.Post.Url($"/api/minutes/{minutesId}/approve"), 204);
    }

    protected async Task<Guid> Published(string language = "en")
    {
        await ArrangeForum();
        return await PublishedIn(language);
    }

    /// <summary>Another session of the arranged forum, closed, drafted, approved and published.</summary>
    protected async Task<Guid> PublishedIn(string language = "en", string title = "Autumn plenary")
    {
        var minutesId = await Approved(language, title);
        await PostJson(Secretariat, $"/api/minutes/{minutesId}/publish", new { }, 200);
        return minutesId;
    }

    protected async Task<Guid> Approved(string language = "en", string title = "Autumn plenary")
    {
        var sessionId = await ArrangeClosedSession(language, title: title);
        await Draft(sessionId);
        var minutesId = MinutesOf(sessionId);
        await Approve(minutesId);
        return minutesId;
    }

    /// <summary>Changes one stored event's statement behind Forum's back, as someone with the database could.</summary>
    protected async Task TamperWithEvent(Guid sessionId, long version) =>
        (await Sql("""update {schema}.mt_events set data = jsonb_set(data, '{statement}', '"Quietly changed"') where stream_id = @id and version = @v""",
            ("id", sessionId), ("v", version))).ShouldBe(1);

    /// <summary>Runs SQL in the fixture's schema (written {schema}), as someone with the database could.</summary>
    protected async Task<int> Sql(string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(AppFixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql.Replace("{schema}", Store.Options.Events.DatabaseSchemaName), conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteNonQueryAsync();
    }
}
