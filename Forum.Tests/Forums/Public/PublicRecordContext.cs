using System.Net.Http.Headers;
using System.Text.Json;
using Forum.Domain.ActionPlans;
using Forum.Domain.Forums;
using Forum.Domain.Minutes;
using Forum.Domain.Sessions;
using Forum.Tests.Support;

namespace Forum.Tests.Forums.Public;

public sealed record ArrangedForum(Guid Id, string Name, Guid[] Gov, Guid[] Cso, Guid[] Other, string[] Emails);

/// <summary>
/// Forums with a history: the forum and its sessions appended directly with the times they happened, as the endpoints
/// would have appended them (the API stamps the present); past meetings recorded through the API, as a secretariat does.
/// </summary>
public abstract class PublicRecordContext(AppFixture fixture) : IntegrationContext(fixture)
{
    protected readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    protected string Secretariat = "";
    private static readonly Guid By = Guid.Parse("0193f000-0000-7000-8000-0000000000ff");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Secretariat = await TokenFor("sec@forum.test");
    }

    protected async Task<ArrangedForum> ArrangeForum(string name, DateTimeOffset established, bool rules = true)
    {
        var id = Guid.CreateVersion7();
        var tag = id.ToString()[^6..];
        var events = new List<object>
        {
            new ForumEstablished(id, name, "Moldova", "ro", "Government and civil society co-create the national action plan.", By, established),
            new SecretariatAssigned(id, "sec@forum.test", By, established),
        };
        Guid[] Admit(StakeholderGroup group, string who, string organisation, int count) => Enumerable.Range(1, count).Select(i =>
        {
            var memberId = Guid.CreateVersion7();
            events.Add(new MemberAdmitted(id, memberId, $"{who} {i}", $"{who.ToLowerInvariant()}{i}.{tag}@{group.ToString().ToLowerInvariant()}.test",
                organisation, group, MemberRole.Member, By, established.AddMinutes(i)));
            return memberId;
        }).ToArray();
        var gov = Admit(StakeholderGroup.Government, "Official", "Ministry of Justice", 3);
        var cso = Admit(StakeholderGroup.CivilSociety, "Activist", "Transparency Watch", 3);
        var other = Admit(StakeholderGroup.Other, "Scholar", "State University", 1);
        if (rules) events.Add(new ForumRulesSet(id, 0.5, true, false, 0, By, established.AddDays(1)));
        await using var session = Store.LightweightSession();
        session.Events.StartStream<ForumState>(id, events);
        await session.SaveChangesAsync();
        var emails = events.OfType<MemberAdmitted>().Select(m => m.Email).Append("sec@forum.test").ToArray();
        return new ArrangedForum(id, name, gov, cso, other, emails);
    }

    /// <summary>A held session: who checked in by group, floor time, a decision with reservations partly answered, minutes published when asked.</summary>
    protected async Task<Guid> ArrangeSession(ArrangedForum f, DateTimeOffset held, int gov, int cso, int other = 0, double govSeconds = 0,
        double csoSeconds = 0, int reservations = 0, int answered = 0, DateTimeOffset? published = null, string? title = null, bool close = true,
        (Guid ActionPlanId, Guid CommitmentId)? linked = null)
    {
        var sessionId = Guid.CreateVersion7();
        var item = Guid.CreateVersion7();
        title ??= $"Plenary of {held:yyyy-MM-dd}";
        var voting = new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 3, [StakeholderGroup.CivilSociety] = 3, [StakeholderGroup.Other] = 1 };
        var events = new List<object>
        {
            new SessionScheduled(sessionId, f.Id, title, held, held.AddHours(2), SessionMode.Hybrid, "Chișinău, Hall 7", "https://meet.test/secret-room", "en", By, held.AddDays(-10)),
            new AgendaItemAdded(sessionId, item, "Commitment 2: open contracting", "", ItemKind.Decision, "Ministry", 30, By, held.AddDays(-9)),
            new SessionOpened(sessionId, voting, ForumRules.Default, [], By, held),
        };
        if (linked is { } l) events.Insert(2, new AgendaItemLinked(sessionId, item, l.ActionPlanId, l.CommitmentId, null, By, held.AddDays(-9)));
        var t = held;
        void CheckIn(IEnumerable<Guid> ids, StakeholderGroup group) =>
            events.AddRange(ids.Select(m => new ParticipantCheckedIn(sessionId, m, "", group, MemberRole.Member, Presence.InRoom, null, t = t.AddMinutes(1))));
        CheckIn(f.Gov.Take(gov), StakeholderGroup.Government);
        CheckIn(f.Cso.Take(cso), StakeholderGroup.CivilSociety);
        CheckIn(f.Other.Take(other), StakeholderGroup.Other);
        if (govSeconds > 0) events.AddRange([new FloorGiven(sessionId, f.Gov[0], By, t), new FloorYielded(sessionId, f.Gov[0], govSeconds, t = t.AddSeconds(govSeconds))]);
        if (csoSeconds > 0) events.AddRange([new FloorGiven(sessionId, f.Cso[0], By, t), new FloorYielded(sessionId, f.Cso[0], csoSeconds, t = t.AddSeconds(csoSeconds))]);
        events.Add(new AgendaItemOpened(sessionId, item, By, t = t.AddMinutes(1)));
        if (reservations > 0)
            events.Add(new DecisionRecorded(sessionId, item, Outcome.ConsensusWithReservations, "Adopted.",
                f.Cso.Take(answered).Select(m => new ObjectionOnRecord(m, "", StakeholderGroup.CivilSociety, Stance.SupportWithReservations, "Needs a deadline", "A deadline was added.")).ToList(),
                [], new Quorum(true, gov + cso, 3, 7, false, true, ""), new Dictionary<Stance, int> { [Stance.SupportWithReservations] = reservations }, By, t = t.AddMinutes(1)));
        events.Add(new AgendaItemClosed(sessionId, item, By, t = t.AddMinutes(1)));
        if (close) events.Add(new SessionClosed(sessionId, By, t.AddMinutes(1)));
        await using var session = Store.LightweightSession();
        session.Events.StartStream<SessionState>(sessionId, events);
        if (published is { } at)
        {
            var minutesId = MinutesDecider.IdFor(sessionId);
            session.Events.StartStream<MinutesState>(minutesId,
                new MinutesDrafted(minutesId, sessionId, f.Id, title, held, events.Count, "events-sha", "en", "# Minutes", t.AddMinutes(2)),
                new MinutesPublished(minutesId, "document-sha", "signature", "key", events.Count, "events-sha", By, at));
        }
        await session.SaveChangesAsync();
        return sessionId;
    }

    protected static MultipartFormDataContent PastMeetingForm(DateOnly heldOn, string title, int gov, int cso, int other = 0,
        (string Name, byte[] Bytes, string Type)? file = null, DateOnly? publishedOn = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(heldOn.ToString("yyyy-MM-dd")), "heldOn" },
            { new StringContent(title), "title" },
            { new StringContent(gov.ToString()), "government" },
            { new StringContent(cso.ToString()), "civilSociety" },
            { new StringContent(other.ToString()), "other" },
        };
        if (publishedOn is { } on) form.Add(new StringContent(on.ToString("yyyy-MM-dd")), "minutesPublishedOn");
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(f.Type);
            form.Add(content, "minutes", f.Name);
        }
        return form;
    }

    protected async Task<JsonElement> RecordPast(Guid forumId, MultipartFormDataContent form, int status = 201, string? token = null) =>
        await ReadJson(await Send(token ?? Secretariat, s => s.Post.MultipartFormData(form).ToUrl($"/api/forums/{forumId}/past-meetings"), status));

    protected Task<JsonElement> RecordPast(Guid forumId, DateTimeOffset heldOn, string title, int gov, int cso, int other = 0, bool file = true) =>
        RecordPast(forumId, PastMeetingForm(DateOnly.FromDateTime(heldOn.UtcDateTime), title, gov, cso, other,
            file ? ("minutes.pdf", PdfBytes(title), "application/pdf") : null));

    /// <summary>
    /// An action plan opened at <paramref name="opened"/>: <paramref name="proposals"/> proposals, the first
    /// <paramref name="answered"/> answered, one commitment, adopted with the plan a month later.
    /// </summary>
    protected async Task<(Guid PlanId, Guid CommitmentId)> ArrangeActionPlan(ArrangedForum f, string title, DateTimeOffset opened, int proposals, int answered)
    {
        var planId = Guid.CreateVersion7();
        var commitmentId = Guid.CreateVersion7();
        var adopted = opened.AddMonths(1);
        var day = DateOnly.FromDateTime(opened.UtcDateTime);
        await using var session = Store.LightweightSession();
        session.Events.StartStream<Forum.Domain.ActionPlans.ActionPlanState>(planId,
            new ActionPlanOpened(planId, f.Id, title, day, day.AddYears(2), day.AddDays(14), By, opened),
            new CommitmentAddedToPlan(planId, commitmentId, 1, By, opened.AddDays(20)),
            new ActionPlanAdopted(planId, [commitmentId], Guid.CreateVersion7(), adopted));
        session.Events.StartStream<Forum.Domain.ActionPlans.CommitmentState>(commitmentId,
            new CommitmentDrafted(commitmentId, planId, f.Id, 1, new CommitmentTerms("Open contracting", "Opaque tenders", "Publish every contract", "Open data",
                [OgpValue.Transparency], "Ministry of Finance", [], day, day.AddYears(2), []), By, opened.AddDays(20)),
            new CommitmentAdopted(commitmentId, planId, Guid.CreateVersion7(), Guid.CreateVersion7(), Outcome.ConsensusReached, By, adopted));
        for (var i = 0; i < proposals; i++)
        {
            var proposalId = Guid.CreateVersion7();
            var events = new List<object> { new ProposalSubmitted(proposalId, planId, f.Id, $"Proposal {i + 1}", "Problem", "Solution", null, By, null, opened.AddDays(i + 1)) };
            if (i < answered) events.Add(new ProposalAnswered(proposalId, planId, ProposalOutcome.NotAdopted, "Out of the plan's scope.", null, By, opened.AddDays(16)));
            session.Events.StartStream<Forum.Domain.ActionPlans.ProposalState>(proposalId, events);
        }
        await session.SaveChangesAsync();
        return (planId, commitmentId);
    }

    /// <summary>Progress on a commitment reported at a given moment (a reporter, while the forum sat).</summary>
    protected async Task ReportProgress(Guid planId, Guid commitmentId, DateTimeOffset at)
    {
        await using var session = Store.LightweightSession();
        session.Events.Append(commitmentId, new ProgressReported(commitmentId, planId, Guid.CreateVersion7(), null, Completion.Limited, "Tender portal live.", [],
            Guid.CreateVersion7(), "Official 1", By, at));
        await session.SaveChangesAsync();
    }

    protected static byte[] PdfBytes(string text) => System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");
}
