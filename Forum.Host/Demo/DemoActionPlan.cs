using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Adoption;
using Forum.Domain.ActionPlans.CoCreation;
using Forum.Domain.ActionPlans.Commitments;
using Forum.Domain.ActionPlans.Monitoring;
using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Domain.Sessions.Scheduling;
using Forum.Host.Identity;

namespace Forum.Host.Demo;

/// <summary>
/// The demo forum's action plan (issue 10), so that a newcomer sees one at once: proposals from civil society and the public
/// (three answered, one waiting), three commitments with milestones (one overdue), adopted by consensus at a co-creation
/// plenary two months ago, and the government's progress reports beside civil society's assessments, with a visible gap.
/// Everything goes through the same rules as the API, at the times it would have happened. Kept apart from the forum's
/// seed so that other additions to the demo merge without touching it.
/// </summary>
public static class DemoActionPlan
{
    public const string Title = "National Action Plan 2026–2028";

    /// <param name="members">The demo members' ids by e-mail address.</param>
    public static async Task<Guid> Seed(IDocumentSession session, Guid forumId, IReadOnlyDictionary<string, Guid> members, DateTimeOffset now)
    {
        async Task<Actor> As(string email, bool admin = false)
        {
            var account = await session.FindOrCreate(email, now);
            await session.SaveChangesAsync();
            return new Actor(account.Id, account.Email, admin);
        }
        var desk = await As(SeedDemoCommand.Secretariat);
        var olena = await As(SeedDemoCommand.CoChair);
        var ani = await As(SeedDemoCommand.Participant);
        var nino = await As("nino.beridze@demo.forum.local");
        var ion = await As("ion.rusu@demo.forum.local");
        var aram = await As("aram.hakobyan@demo.forum.local");
        var citizen = await As("citizen@demo.forum.local");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateTimeOffset Ago(int days) => now.AddDays(-days);
        async Task<ForumState> Forum() => (await session.Events.FetchLatest<ForumState>(forumId))!;
        async Task<ActionPlanState> Plan(Guid id) => (await session.Events.FetchLatest<ActionPlanState>(id))!;
        async Task<CommitmentState> Commitment(Guid id) => (await session.Events.FetchLatest<CommitmentState>(id))!;

        var planId = Guid.CreateVersion7();
        session.Events.StartStream<ActionPlanState>(planId, Must(CoCreationRules.Open(await Forum(),
            new OpenActionPlan(planId, Title, today.AddDays(-90), today.AddDays(640), today.AddDays(30)), desk, Ago(120))).ToArray());
        await session.SaveChangesAsync();

        async Task<Guid> Propose(Actor who, string title, string problem, string solution, string? publicName, int daysAgo)
        {
            var id = Guid.CreateVersion7();
            session.Events.StartStream<ProposalState>(id, Must(CoCreationRules.Submit(await Forum(), await Plan(planId),
                new SubmitProposal(id, title, problem, solution, publicName), who, Ago(daysAgo))).ToArray());
            await session.SaveChangesAsync();
            return id;
        }
        var owners = await Propose(nino, "Publish who really owns companies", "Shell companies hide the people who profit from public contracts.",
            "A public register of beneficial owners, as open data, checked against other registers.", "Transparency Georgia", 115);
        var tenders = await Propose(ion, "Open data on every public tender", "Tenders are announced on paper notice boards and hard to follow.",
            "Publish every tender, award and contract in the Open Contracting Data Standard.", "Ion Rusu", 112);
        var budget = await Propose(aram, "Participatory budgeting in every city", "Residents have no say in how local budgets are spent.",
            "Let residents propose and vote on a share of each city's budget.", "Aram Hakobyan", 110);
        await Propose(citizen, "Open the database of court decisions", "Court decisions are published late and cannot be searched.",
            "Publish every decision within a week, anonymised, in a searchable database.", null, 12);

        async Task<Guid> Draft(string title, string problem, string description, string solution, OgpValue[] values, string lead, Guid reporter,
            (string Name, StakeholderGroup Group)[] supporting, (string Title, string Output, int From, int To)[] milestones)
        {
            var id = Guid.CreateVersion7();
            var verdict = Must(CommitmentRules.Draft(await Forum(), await Plan(planId), new DraftCommitment(id, new CommitmentInput(title, problem, description,
                solution, values, lead, supporting.Select(s => new SupportingActorInput(s.Name, s.Group)).ToList(), today.AddDays(-90), today.AddDays(640), [reporter])),
                desk, Ago(100)));
            session.Events.Append(planId, verdict.OfType<CommitmentAddedToPlan>().ToArray());
            session.Events.StartStream<CommitmentState>(id, verdict.OfType<CommitmentDrafted>().ToArray());
            await session.SaveChangesAsync();
            foreach (var m in milestones)
            {
                session.Events.Append(id, Must(CommitmentRules.AddMilestone(await Forum(), await Plan(planId), await Commitment(id),
                    new AddMilestone(Guid.CreateVersion7(), new MilestoneInput(m.Title, m.Output, today.AddDays(m.From), today.AddDays(m.To))), desk, Ago(99))).ToArray());
                await session.SaveChangesAsync();
            }
            return id;
        }
        var register = await Draft("Beneficial ownership register as open data", "Shell companies hide who owns them.",
            "A public register of the beneficial owners of every company, published as open data.", "Journalists, banks and procurement officers see who owns a company.",
            [OgpValue.Transparency, OgpValue.PublicAccountability], "Ministry of Justice", members[SeedDemoCommand.CoChair],
            [("Transparency Georgia", StakeholderGroup.CivilSociety)],
            [("Amend the law on company registration", "A law in force", -90, -20), ("Publish the register as open data", "Open data of owners", -20, 120),
                ("Verify ownership data against tax records", "Yearly verification report", 60, 400)]);
        var contracting = await Draft("Open contracting for public procurement", "Tenders are hard to follow and to challenge.",
            "Every tender, award and contract published in the Open Contracting Data Standard.", "Bidders and the public can follow each contract from plan to payment.",
            [OgpValue.Transparency, OgpValue.CivicParticipation], "Office of the Prime Minister", members[SeedDemoCommand.Participant],
            [("Open Data Moldova", StakeholderGroup.CivilSociety), ("Yerevan State University", StakeholderGroup.Other)],
            [("Publish all tenders in OCDS", "Tenders as open data", -60, -5), ("Publish contract performance data", "Payments and delivery as open data", 30, 300)]);
        var information = await Draft("Proactive publication of government information", "People must ask for information that should be public.",
            "Ministries publish agreed categories of information without being asked.", "Fewer requests, faster answers, information people can reuse.",
            [OgpValue.Transparency], "Office of the Prime Minister", members[SeedDemoCommand.Participant], [],
            [("Agree the list of categories", "A government decree", -80, -30), ("Publish on every ministry's site", "Categories online", -30, 200)]);

        async Task Answer(Guid proposal, ProposalOutcome outcome, string reason, Guid? commitment, int daysAgo)
        {
            var p = (await session.Events.FetchLatest<ProposalState>(proposal))!;
            session.Events.Append(proposal, Must(CoCreationRules.Answer(await Forum(), await Plan(planId), p, new AnswerProposal(outcome, reason, commitment),
                commitment is { } c ? await Commitment(c) : null, desk, Ago(daysAgo))).ToArray());
            await session.SaveChangesAsync();
        }
        await Answer(owners, ProposalOutcome.Adopted, "Taken up as commitment 1, with the Ministry of Justice as lead institution.", register, 98);
        await Answer(tenders, ProposalOutcome.Merged, "Merged into commitment 2, which covers tenders, awards and contracts.", contracting, 98);
        await Answer(budget, ProposalOutcome.NotAdopted, "Local budgets are decided by the cities, not the government; we passed the proposal to the Union of Cities.", null, 97);

        // The co-creation plenary that adopted the commitments, run through the room's own rules.
        var sessionId = Guid.CreateVersion7();
        var starts = new DateTimeOffset(Ago(60).UtcDateTime.Date.AddHours(9), TimeSpan.Zero);
        session.Events.StartStream<SessionState>(sessionId, Must(SchedulingRules.Schedule(await Forum(), new ScheduleSession(sessionId, "Co-creation plenary",
            starts, starts.AddHours(3), SessionMode.Hybrid, "Yerevan, Government House, hall 2", "https://meet.example.org/co-creation", "en"), desk, Ago(75))).ToArray());
        await session.SaveChangesAsync();
        async Task Room(Func<ForumState, SessionState, Verdict> decide)
        {
            var s = (await session.Events.FetchLatest<SessionState>(sessionId))!;
            session.Events.Append(sessionId, Must(decide(await Forum(), s)).ToArray());
            await session.SaveChangesAsync();
        }
        var items = new List<(Guid Item, Guid Commitment)>();
        foreach (var (commitment, number) in new[] { (register, 1), (contracting, 2), (information, 3) })
        {
            var itemId = Guid.CreateVersion7();
            var c = await Commitment(commitment);
            await Room((f, s) => AdoptionRules.WithLink(SchedulingRules.AddItem(f, s, new AddAgendaItem(itemId, $"Commitment {number}: {c.Terms.Title}",
                    c.Terms.Description, ItemKind.Decision, c.Terms.LeadInstitution, 30), desk, Ago(70)), forumId, sessionId,
                new LinkAgendaItem(itemId, commitment, null), c, null, desk, Ago(70)));
            items.Add((itemId, commitment));
        }
        await Room((f, s) => RoomRules.Open(f, s, new OpenSession(), olena, starts));
        foreach (var (who, email) in new[] { (olena, SeedDemoCommand.CoChair), (ani, SeedDemoCommand.Participant), (nino, "nino.beridze@demo.forum.local"),
                     (ion, "ion.rusu@demo.forum.local"), (aram, "aram.hakobyan@demo.forum.local") })
            await Room((f, s) => RoomRules.CheckIn(f, s, new CheckIn(email == SeedDemoCommand.Participant ? Presence.Online : Presence.InRoom, null), who, starts.AddMinutes(2)));
        var at = starts.AddMinutes(10);
        foreach (var (item, commitment) in items)
        {
            await Room((f, s) => RoomRules.OpenItem(f, s, new OpenItem(item), olena, at));
            await Room((f, s) => RoomRules.Table(f, s, new TableProposal(item, "The forum adopts the commitment as drafted."), olena, at.AddMinutes(1)));
            await Room((f, s) => DecisionRules.Decide(f, s, new Dictionary<Guid, PositionState>(),
                new RecordDecision(item, Outcome.ConsensusReached, "Adopted as drafted.", null, null, []), olena, at.AddMinutes(25)));
            await Room((f, s) => RoomRules.CloseItem(f, s, new CloseItem(item), olena, at.AddMinutes(26)));
            // What the reaction to the decision does (ADR 0017), at the decision's time.
            session.Events.Append(commitment, Must(AdoptionRules.Adopt(await Commitment(commitment), sessionId, item, Outcome.ConsensusReached, olena.AccountId,
                at.AddMinutes(25))).ToArray());
            await session.SaveChangesAsync();
            at = at.AddMinutes(30);
        }
        await Room((f, s) => RoomRules.Close(f, s, new CloseSession(), olena, at));
        var commitments = new[] { register, contracting, information };
        var states = new List<CommitmentState>();
        foreach (var c in commitments) states.Add(await Commitment(c));
        session.Events.Append(planId, Must(AdoptionRules.AdoptPlan(await Plan(planId), states, sessionId, at)).ToArray());
        await session.SaveChangesAsync();

        // Monitoring: the government's reports, civil society's own assessments; where they differ is the gap.
        async Task Report(Actor who, Guid commitment, int milestone, Completion level, string note, int daysAgo, string? link = null)
        {
            var c = await Commitment(commitment);
            var evidence = link is null ? null : new List<EvidenceInput> { new("Published evidence", link, null) };
            session.Events.Append(commitment, Must(MonitoringRules.Report(await Forum(), await Plan(planId), c,
                new ReportProgress(Guid.CreateVersion7(), milestone < 0 ? null : c.Milestones[milestone].MilestoneId, level, note, evidence),
                new Dictionary<Guid, UploadedEvidence>(), who, Ago(daysAgo))).ToArray());
            await session.SaveChangesAsync();
        }
        async Task Assess(Actor who, Guid commitment, int milestone, Completion level, string note, int daysAgo)
        {
            var c = await Commitment(commitment);
            session.Events.Append(commitment, Must(MonitoringRules.Assess(await Forum(), await Plan(planId), c,
                new RecordAssessment(Guid.CreateVersion7(), milestone < 0 ? null : c.Milestones[milestone].MilestoneId, level, note, null),
                new Dictionary<Guid, UploadedEvidence>(), who, Ago(daysAgo))).ToArray());
            await session.SaveChangesAsync();
        }
        await Report(olena, register, 0, Completion.Complete, "The amended law on company registration is in force.", 25, "https://example.org/gazette/2026-114");
        await Assess(nino, register, 0, Completion.Complete, "The law is in force; we checked the gazette.", 22);
        await Report(olena, register, -1, Completion.Substantial, "The register is online with 60% of companies.", 6, "https://example.org/register");
        await Assess(nino, register, -1, Completion.Limited, "Only 60% of companies are in, and the data cannot be downloaded in bulk.", 3);
        await Report(ani, contracting, -1, Completion.Limited, "Tenders of three ministries are published in OCDS.", 9);
        await Assess(ion, contracting, -1, Completion.NotStarted, "We found no tender of the ministries in OCDS yet.", 4);
        await Report(ani, information, -1, Completion.Substantial, "The decree is adopted and five ministries publish.", 8);
        await Assess(aram, information, -1, Completion.Substantial, "Five of twelve ministries publish the agreed categories.", 2);
        return planId;
    }

    private static IReadOnlyList<object> Must(Verdict verdict) =>
        verdict.Rejection is { } r ? throw new InvalidOperationException($"Demo action plan refused: {r.Rule}: {r.Detail}") : verdict.Events;
}
