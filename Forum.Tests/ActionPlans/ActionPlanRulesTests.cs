using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Adoption;
using Forum.Domain.ActionPlans.CoCreation;
using Forum.Domain.ActionPlans.Commitments;
using Forum.Domain.ActionPlans.Monitoring;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Tests.Support;

namespace Forum.Tests.ActionPlans;

/// <summary>The action plan's rules as Given(events).When(command).Then(events), without a database.</summary>
public class ActionPlanRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static Guid Id(string n) => Guid.Parse($"0193f000-0000-7000-8000-0000000{n}");
    private static readonly Guid F = Id("000f1"), OtherForum = Id("000f2"), P = Id("000a1"), C = Id("000c1"), C2 = Id("000c2"), Pr = Id("000b1"),
        M1 = Id("000d1"), S = Id("000e1"), Item = Id("000e2"), Ap = Id("000e3"), File = Id("000e4");

    private static readonly Actor Admin = new(Id("00aa1"), "admin@forum.test", true);
    private static readonly Actor Public = new(Id("00aa2"), "someone@public.test", false);
    private static Member M(string n, StakeholderGroup g, string org, MemberRole role = MemberRole.Member) =>
        new(Id($"000{n}"), $"Member {n}", $"m{n}@forum.test", org, g, role);
    private static readonly Member Reporter = M("01", StakeholderGroup.Government, "Ministry of Justice");
    private static readonly Member Finance = M("02", StakeholderGroup.Government, "Ministry of Finance");
    private static readonly Member Cso = M("03", StakeholderGroup.CivilSociety, "Transparency Watch");
    private static readonly Member Academic = M("04", StakeholderGroup.Other, "University");
    private static readonly Member Press = M("05", StakeholderGroup.Other, "Press", MemberRole.Observer);
    private static readonly Member CsoReporter = M("06", StakeholderGroup.CivilSociety, "Ministry of Justice");
    private static Actor As(Member m) => new(m.MemberId, m.Email, false);

    private static readonly ForumState Forum = Spec<ForumState>.Fold(new object[] { new ForumEstablished(F, "Forum", "Moldova", "ro", "", Admin.AccountId, Now) }
        .Concat(new[] { Reporter, Finance, Cso, Academic, Press, CsoReporter }
            .Select(m => (object)new MemberAdmitted(F, m.MemberId, m.Name, m.Email, m.Organisation, m.Group, m.Role, Admin.AccountId, Now))));

    private static readonly DateOnly Start = new(2026, 1, 1), End = new(2027, 12, 31);
    private static readonly ActionPlanOpened Opened = new(P, F, "National Action Plan 2026–2027", Start, End, new DateOnly(2026, 3, 31), Admin.AccountId, Now);
    private static readonly CommitmentTerms Terms = new("Open beneficial ownership", "Shell companies hide owners", "A public register", "Owners become visible",
        [OgpValue.Transparency], "Ministry of Justice", [new SupportingActor("Transparency Watch", StakeholderGroup.CivilSociety)],
        new DateOnly(2026, 2, 1), new DateOnly(2027, 6, 30), [new Reporter(Reporter.MemberId, Reporter.Name)]);
    private static readonly CommitmentDrafted Drafted = new(C, P, F, 1, Terms, Admin.AccountId, Now);
    private static readonly MilestoneAdded Milestone = new(C, M1, "Register law passed", "A law", new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 30), Admin.AccountId, Now);
    private static readonly CommitmentAdopted Adopted = new(C, P, S, Item, Outcome.ConsensusReached, Admin.AccountId, Now);
    private static readonly ProposalSubmitted Submitted = new(Pr, P, F, "Publish owners", "Hidden owners", "A register", null, Public.AccountId, null, Now);

    private static readonly CommitmentInput Input = new("Open beneficial ownership", "Shell companies hide owners", "A public register", "Owners become visible",
        [OgpValue.Transparency], "Ministry of Justice", [new SupportingActorInput("Transparency Watch", StakeholderGroup.CivilSociety)],
        new DateOnly(2026, 2, 1), new DateOnly(2027, 6, 30), [Reporter.MemberId]);

    private static void Rejected(Verdict v, RejectionKind kind, string rule)
    {
        v.Rejection.ShouldNotBeNull($"expected '{rule}', but it accepted {v.Events.Count} events");
        v.Rejection.Rule.ShouldBe(rule);
        v.Rejection.Kind.ShouldBe(kind);
        v.Events.ShouldBeEmpty();
    }

    private static Spec<ActionPlanState> Plan(params object[] more) => new Spec<ActionPlanState>().Given([Opened, .. more]);
    private static Spec<CommitmentState> Commitment(params object[] more) => new Spec<CommitmentState>().Given([Drafted, .. more]);
    private static ActionPlanState PlanState(params object[] more) => Spec<ActionPlanState>.Fold([Opened, .. more]);
    private static CommitmentState CommitmentOf(params object[] more) => Spec<CommitmentState>.Fold([Drafted, .. more]);
    private static readonly IReadOnlyDictionary<Guid, UploadedEvidence> NoFiles = new Dictionary<Guid, UploadedEvidence>();

    // Co-creation

    [Fact]
    public void Given_a_forum_When_the_secretariat_opens_a_plan_Then_opened() =>
        CoCreationRules.Open(Forum, new OpenActionPlan(P, " National Action Plan 2026–2027 ", Start, End, new DateOnly(2026, 3, 31)), Admin, Now).Events
            .ShouldBe([Opened]);

    [Fact]
    public void Given_a_forum_When_a_member_opens_a_plan_Then_secretariat_only() =>
        Rejected(CoCreationRules.Open(Forum, new OpenActionPlan(P, "Plan", Start, End, Start), As(Cso), Now), RejectionKind.Forbidden, "secretariat-only");

    [Fact]
    public void Given_a_forum_When_nobody_opens_a_plan_Then_sign_in_required() =>
        Rejected(CoCreationRules.Open(Forum, new OpenActionPlan(P, "Plan", Start, End, Start), null, Now), RejectionKind.Unauthenticated, "sign-in-required");

    [Fact]
    public void Given_a_forum_When_a_plan_ends_before_it_starts_Then_refused() =>
        Rejected(CoCreationRules.Open(Forum, new OpenActionPlan(P, "Plan", End, Start, Start), Admin, Now), RejectionKind.Invalid, "ends-after-start");

    [Fact]
    public void Given_a_forum_When_proposals_close_after_the_plan_ends_Then_refused() =>
        Rejected(CoCreationRules.Open(Forum, new OpenActionPlan(P, "Plan", Start, End, End.AddDays(1)), Admin, Now), RejectionKind.Invalid, "proposals-close-within-plan");

    [Fact]
    public void Given_a_forum_When_a_plan_has_no_title_Then_field_required() =>
        Rejected(CoCreationRules.Open(Forum, new OpenActionPlan(P, " ", Start, End, Start), Admin, Now), RejectionKind.Invalid, "field-required");

    [Fact]
    public void Given_open_plan_When_a_member_of_the_public_proposes_Then_submitted_without_membership_or_address() =>
        Plan().When(p => CoCreationRules.Submit(Forum, p, new SubmitProposal(Pr, "Publish owners", "Hidden owners", "A register", " "), Public, Now))
            .Then(Submitted);

    [Fact]
    public void Given_open_plan_When_a_member_proposes_with_a_public_name_Then_it_carries_the_name_and_membership() =>
        Plan().When(p => CoCreationRules.Submit(Forum, p, new SubmitProposal(Pr, "Publish owners", "Hidden owners", "A register", "Ion R."), As(Cso), Now))
            .Then(Submitted with { PublicName = "Ion R.", SubmittedBy = Cso.MemberId, MemberId = Cso.MemberId });

    [Fact]
    public void Given_proposals_closed_yesterday_When_someone_proposes_Then_proposals_closed() =>
        Plan().When(p => CoCreationRules.Submit(Forum, p, new SubmitProposal(Pr, "T", "P", "S", null), Public, new DateTimeOffset(2026, 4, 1, 0, 0, 1, TimeSpan.Zero)))
            .ThenRejected(RejectionKind.Conflict, "proposals-closed");

    [Fact]
    public void Given_the_closing_day_When_someone_proposes_late_that_day_Then_submitted() =>
        CoCreationRules.Submit(Forum, PlanState(), new SubmitProposal(Pr, "T", "P", "S", null), Public, new DateTimeOffset(2026, 3, 31, 23, 59, 0, TimeSpan.Zero))
            .Accepted.ShouldBeTrue();

    [Fact]
    public void Given_closed_plan_When_someone_proposes_Then_action_plan_closed() =>
        Plan(new ActionPlanClosed(P, "", Admin.AccountId, Now)).When(p => CoCreationRules.Submit(Forum, p, new SubmitProposal(Pr, "T", "P", "S", null), Public, Now))
            .ThenRejected(RejectionKind.Conflict, "action-plan-closed");

    [Fact]
    public void Given_open_plan_When_a_proposal_has_no_problem_Then_field_required() =>
        Plan().When(p => CoCreationRules.Submit(Forum, p, new SubmitProposal(Pr, "T", null, "S", null), Public, Now)).ThenRejected(RejectionKind.Invalid, "field-required");

    [Fact]
    public void Given_open_plan_When_nobody_proposes_Then_sign_in_required() =>
        Plan().When(p => CoCreationRules.Submit(Forum, p, new SubmitProposal(Pr, "T", "P", "S", null), null, Now)).ThenRejected(RejectionKind.Unauthenticated, "sign-in-required");

    [Fact]
    public void Given_a_proposal_When_the_secretariat_adopts_it_into_a_commitment_Then_answered_naming_it() =>
        new Spec<ProposalState>().Given(Submitted)
            .When(p => CoCreationRules.Answer(Forum, PlanState(), p, new AnswerProposal(ProposalOutcome.Adopted, " Taken up as commitment 1 ", C), CommitmentOf(), Admin, Now))
            .Then(new ProposalAnswered(Pr, P, ProposalOutcome.Adopted, "Taken up as commitment 1", C, Admin.AccountId, Now));

    [Fact]
    public void Given_a_proposal_When_answered_without_a_reason_Then_field_required() =>
        new Spec<ProposalState>().Given(Submitted)
            .When(p => CoCreationRules.Answer(Forum, PlanState(), p, new AnswerProposal(ProposalOutcome.NotAdopted, "", null), null, Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "field-required");

    [Fact]
    public void Given_a_proposal_When_merged_without_naming_the_commitment_Then_field_required() =>
        new Spec<ProposalState>().Given(Submitted)
            .When(p => CoCreationRules.Answer(Forum, PlanState(), p, new AnswerProposal(ProposalOutcome.Merged, "Merged", null), null, Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "field-required");

    [Fact]
    public void Given_a_proposal_When_not_adopted_but_naming_a_commitment_Then_refused() =>
        new Spec<ProposalState>().Given(Submitted)
            .When(p => CoCreationRules.Answer(Forum, PlanState(), p, new AnswerProposal(ProposalOutcome.NotAdopted, "Out of scope", C), CommitmentOf(), Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "commitment-only-when-taken-up");

    [Fact]
    public void Given_a_proposal_When_adopted_into_another_plans_commitment_Then_refused() =>
        new Spec<ProposalState>().Given(Submitted)
            .When(p => CoCreationRules.Answer(Forum, PlanState(), p, new AnswerProposal(ProposalOutcome.Adopted, "Yes", C), CommitmentOf() with { ActionPlanId = Guid.NewGuid() }, Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "commitment-of-this-plan");

    [Fact]
    public void Given_a_proposal_When_a_member_answers_Then_secretariat_only() =>
        new Spec<ProposalState>().Given(Submitted)
            .When(p => CoCreationRules.Answer(Forum, PlanState(), p, new AnswerProposal(ProposalOutcome.Deferred, "Later", null), null, As(Cso), Now))
            .ThenRejected(RejectionKind.Forbidden, "secretariat-only");

    [Fact]
    public void Given_open_plan_When_closed_twice_Then_action_plan_closed() =>
        Plan(new ActionPlanClosed(P, "", Admin.AccountId, Now)).When(p => CoCreationRules.Close(Forum, p, new CloseActionPlan(null), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "action-plan-closed");

    // Commitments

    [Fact]
    public void Given_open_plan_When_the_secretariat_drafts_Then_the_plan_numbers_it_and_the_commitment_starts() =>
        Plan().When(p => CommitmentRules.Draft(Forum, p, new DraftCommitment(C, Input), Admin, Now))
            .Then(new CommitmentAddedToPlan(P, C, 1, Admin.AccountId, Now), Drafted);

    [Fact]
    public void Given_a_plan_with_one_commitment_When_another_is_drafted_Then_it_is_number_two() =>
        CommitmentRules.Draft(Forum, PlanState(new CommitmentAddedToPlan(P, C, 1, Admin.AccountId, Now)), new DraftCommitment(C2, Input), Admin, Now)
            .Events.OfType<CommitmentDrafted>().Single().Number.ShouldBe(2);

    [Fact]
    public void Given_open_plan_When_a_reporter_works_elsewhere_Then_reporter_from_lead_institution() =>
        Plan().When(p => CommitmentRules.Draft(Forum, p, new DraftCommitment(C, Input with { ReporterMemberIds = [Finance.MemberId] }), Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "reporter-from-lead-institution");

    [Fact]
    public void Given_open_plan_When_a_reporter_is_not_a_member_Then_refused() =>
        Plan().When(p => CommitmentRules.Draft(Forum, p, new DraftCommitment(C, Input with { ReporterMemberIds = [Guid.NewGuid()] }), Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "reporter-is-a-member");

    [Fact]
    public void Given_open_plan_When_a_commitment_outlasts_the_plan_Then_within_plan_period() =>
        Plan().When(p => CommitmentRules.Draft(Forum, p, new DraftCommitment(C, Input with { EndsOn = End.AddDays(1) }), Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "within-plan-period");

    [Fact]
    public void Given_open_plan_When_a_member_drafts_Then_secretariat_only() =>
        Plan().When(p => CommitmentRules.Draft(Forum, p, new DraftCommitment(C, Input), As(Reporter), Now)).ThenRejected(RejectionKind.Forbidden, "secretariat-only");

    [Fact]
    public void Given_closed_plan_When_the_secretariat_drafts_Then_action_plan_closed() =>
        Plan(new ActionPlanClosed(P, "", Admin.AccountId, Now)).When(p => CommitmentRules.Draft(Forum, p, new DraftCommitment(C, Input), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "action-plan-closed");

    [Fact]
    public void Given_a_commitment_When_its_title_is_amended_Then_the_event_carries_every_field() =>
        Commitment().When(c => CommitmentRules.Amend(Forum, PlanState(), c, new AmendCommitment(new CommitmentInput("Beneficial ownership register",
                null, null, null, null, null, null, null, null, null)), Admin, Now))
            .Then(new CommitmentAmended(C, P, Terms with { Title = "Beneficial ownership register" }, Admin.AccountId, Now));

    [Fact]
    public void Given_a_commitment_When_amended_to_what_it_says_Then_nothing_changes() =>
        Commitment().When(c => CommitmentRules.Amend(Forum, PlanState(), c, new AmendCommitment(Input), Admin, Now)).Then();

    [Fact]
    public void Given_a_milestone_When_the_commitment_is_shortened_past_it_Then_period_covers_milestones() =>
        Commitment(Milestone).When(c => CommitmentRules.Amend(Forum, PlanState(), c, new AmendCommitment(new CommitmentInput(null, null, null, null, null, null, null,
                new DateOnly(2026, 6, 1), null, null)), Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "period-covers-milestones");

    [Fact]
    public void Given_a_commitment_When_a_milestone_is_added_Then_added() =>
        Commitment().When(c => CommitmentRules.AddMilestone(Forum, PlanState(), c, new AddMilestone(M1, new MilestoneInput("Register law passed", "A law",
                new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 30))), Admin, Now))
            .Then(Milestone);

    [Fact]
    public void Given_a_commitment_When_a_milestone_falls_outside_it_Then_milestone_within_commitment() =>
        Commitment().When(c => CommitmentRules.AddMilestone(Forum, PlanState(), c, new AddMilestone(M1, new MilestoneInput("Late", "X",
                new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 30))), Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "milestone-within-commitment");

    [Fact]
    public void Given_a_commitment_When_an_unknown_milestone_is_amended_Then_milestone_not_found() =>
        Commitment().When(c => CommitmentRules.AmendMilestone(Forum, PlanState(), c, new AmendMilestone(M1, new MilestoneInput("X", null, null, null)), Admin, Now))
            .ThenRejected(RejectionKind.NotFound, "milestone-not-found");

    // Adoption

    private static Verdict ItemAdded => Verdict.Accept(new AgendaItemAdded(S, Item, "Commitment 1", "", ItemKind.Decision, "", 30, Admin.AccountId, Now));

    [Fact]
    public void Given_an_agenda_item_When_linked_to_a_commitment_of_the_forum_Then_added_and_linked() =>
        AdoptionRules.WithLink(ItemAdded, F, S, new LinkAgendaItem(Item, C, null), CommitmentOf(), null, Admin, Now).Events.Last()
            .ShouldBe(new AgendaItemLinked(S, Item, P, C, null, Admin.AccountId, Now));

    [Fact]
    public void Given_an_agenda_item_When_linked_to_both_Then_link_one_target() =>
        Rejected(AdoptionRules.WithLink(ItemAdded, F, S, new LinkAgendaItem(Item, C, Pr), CommitmentOf(), Spec<ProposalState>.Fold([Submitted]), Admin, Now),
            RejectionKind.Invalid, "link-one-target");

    [Fact]
    public void Given_an_agenda_item_When_linked_to_another_forums_commitment_Then_commitment_not_found() =>
        Rejected(AdoptionRules.WithLink(ItemAdded, OtherForum, S, new LinkAgendaItem(Item, C, null), CommitmentOf(), null, Admin, Now), RejectionKind.Invalid, "commitment-not-found");

    [Fact]
    public void Given_an_agenda_item_When_linked_to_an_unknown_proposal_Then_proposal_not_found() =>
        Rejected(AdoptionRules.WithLink(ItemAdded, F, S, new LinkAgendaItem(Item, null, Pr), null, null, Admin, Now), RejectionKind.Invalid, "proposal-not-found");

    [Theory]
    [InlineData(Outcome.ConsensusReached, true)]
    [InlineData(Outcome.ConsensusWithReservations, true)]
    [InlineData(Outcome.VoteCarried, true)]
    [InlineData(Outcome.NoConsensus, false)]
    [InlineData(Outcome.Deferred, false)]
    [InlineData(Outcome.VoteFailed, false)]
    public void Given_a_draft_commitment_When_a_linked_item_is_decided_Then_only_consensus_or_a_carried_vote_adopts(Outcome outcome, bool adopts) =>
        AdoptionRules.Adopt(CommitmentOf(), S, Item, outcome, Admin.AccountId, Now).Events
            .ShouldBe(adopts ? [new CommitmentAdopted(C, P, S, Item, outcome, Admin.AccountId, Now)] : []);

    [Fact]
    public void Given_an_adopted_commitment_When_the_decision_is_redelivered_Then_nothing_changes() =>
        Commitment(Adopted).When(c => AdoptionRules.Adopt(c, S, Item, Outcome.ConsensusReached, Admin.AccountId, Now)).Then();

    [Fact]
    public void Given_every_commitment_adopted_When_the_plan_is_checked_Then_the_plan_is_adopted() =>
        Plan(new CommitmentAddedToPlan(P, C, 1, Admin.AccountId, Now))
            .When(p => AdoptionRules.AdoptPlan(p, [CommitmentOf(Adopted)], S, Now))
            .Then(new ActionPlanAdopted(P, [C], S, Now));

    [Fact]
    public void Given_a_commitment_still_draft_When_the_plan_is_checked_Then_not_yet_adopted() =>
        Plan(new CommitmentAddedToPlan(P, C, 1, Admin.AccountId, Now), new CommitmentAddedToPlan(P, C2, 2, Admin.AccountId, Now))
            .When(p => AdoptionRules.AdoptPlan(p, [CommitmentOf(Adopted), CommitmentOf() with { Id = C2 }], S, Now)).Then();

    [Fact]
    public void Given_a_proposal_merged_into_a_commitment_When_its_item_is_decided_Then_that_commitment_is_the_one_adopted() =>
        AdoptionRules.CommitmentOf(Spec<ProposalState>.Fold([Submitted, new ProposalAnswered(Pr, P, ProposalOutcome.Merged, "Merged", C, Admin.AccountId, Now)]))
            .ShouldBe(C);

    // Monitoring

    private static ReportProgress Report(Completion? level = Completion.Substantial, Guid? milestone = null, params EvidenceInput[] evidence) =>
        new(Id("000f9"), milestone, level, "Draft law tabled", evidence);

    [Fact]
    public void Given_an_adopted_commitment_When_its_reporter_reports_Then_progress_reported() =>
        Commitment(Milestone, Adopted).When(c => MonitoringRules.Report(Forum, PlanState(), c, Report(milestone: M1, evidence: new EvidenceInput("Law", "https://example.org/law", null)),
                NoFiles, As(Reporter), Now))
            .Then(new ProgressReported(C, P, Id("000f9"), M1, Completion.Substantial, "Draft law tabled",
                [new Evidence("Law", "https://example.org/law", null, null, null, null, null)], Reporter.MemberId, Reporter.Name, Reporter.MemberId, Now));

    [Fact]
    public void Given_an_adopted_commitment_When_someone_else_reports_Then_reporters_only() =>
        Commitment(Adopted).When(c => MonitoringRules.Report(Forum, PlanState(), c, Report(), NoFiles, As(Finance), Now)).ThenRejected(RejectionKind.Forbidden, "reporters-only");

    [Fact]
    public void Given_a_draft_commitment_When_its_reporter_reports_Then_commitment_not_adopted() =>
        Commitment().When(c => MonitoringRules.Report(Forum, PlanState(), c, Report(), NoFiles, As(Reporter), Now)).ThenRejected(RejectionKind.Conflict, "commitment-not-adopted");

    [Fact]
    public void Given_an_adopted_commitment_When_a_report_names_an_unknown_milestone_Then_refused() =>
        Commitment(Adopted).When(c => MonitoringRules.Report(Forum, PlanState(), c, Report(milestone: Guid.NewGuid()), NoFiles, As(Reporter), Now))
            .ThenRejected(RejectionKind.Invalid, "milestone-of-this-commitment");

    [Fact]
    public void Given_an_adopted_commitment_When_a_report_has_no_level_Then_field_required() =>
        Commitment(Adopted).When(c => MonitoringRules.Report(Forum, PlanState(), c, Report(level: null), NoFiles, As(Reporter), Now)).ThenRejected(RejectionKind.Invalid, "field-required");

    [Fact]
    public void Given_an_adopted_commitment_When_evidence_is_both_a_link_and_a_file_Then_refused() =>
        Commitment(Adopted).When(c => MonitoringRules.Report(Forum, PlanState(), c, Report(evidence: new EvidenceInput("X", "https://example.org", File)), NoFiles, As(Reporter), Now))
            .ThenRejected(RejectionKind.Invalid, "evidence-link-or-file");

    [Fact]
    public void Given_an_adopted_commitment_When_evidence_cites_a_file_never_uploaded_to_it_Then_evidence_file_unknown() =>
        Commitment(Adopted).When(c => MonitoringRules.Report(Forum, PlanState(), c, Report(evidence: new EvidenceInput("X", null, File)),
                new Dictionary<Guid, UploadedEvidence> { [File] = new(File, C2, "a.pdf", "application/pdf", 10, "ab") }, As(Reporter), Now))
            .ThenRejected(RejectionKind.Invalid, "evidence-file-unknown");

    [Fact]
    public void Given_an_adopted_commitment_When_evidence_cites_its_uploaded_file_Then_the_report_keeps_the_files_hash() =>
        MonitoringRules.Report(Forum, PlanState(), CommitmentOf(Adopted), Report(evidence: new EvidenceInput("Scan", null, File)),
                new Dictionary<Guid, UploadedEvidence> { [File] = new(File, C, "law.pdf", "application/pdf", 10, "abcd") }, As(Reporter), Now)
            .Events.OfType<ProgressReported>().Single().Evidence.ShouldBe([new Evidence("Scan", null, File, "law.pdf", "application/pdf", 10, "abcd")]);

    [Fact]
    public void Given_an_adopted_commitment_When_a_link_is_not_http_Then_url_invalid() =>
        Commitment(Adopted).When(c => MonitoringRules.Report(Forum, PlanState(), c, Report(evidence: new EvidenceInput("X", "javascript:alert(1)", null)), NoFiles, As(Reporter), Now))
            .ThenRejected(RejectionKind.Invalid, "url-invalid");

    [Fact]
    public void Given_closed_plan_When_the_reporter_reports_Then_action_plan_closed() =>
        Commitment(Adopted).When(c => MonitoringRules.Report(Forum, PlanState(new ActionPlanClosed(P, "", Admin.AccountId, Now)), c, Report(), NoFiles, As(Reporter), Now))
            .ThenRejected(RejectionKind.Conflict, "action-plan-closed");

    private static RecordAssessment Assessment => new(Id("000f8"), null, Completion.Limited, "Register not public yet", []);

    [Theory]
    [InlineData("03")]
    [InlineData("04")]
    public void Given_an_adopted_commitment_When_a_civil_society_or_other_voting_member_assesses_Then_recorded(string who)
    {
        var member = who == "03" ? Cso : Academic;
        Commitment(Adopted).When(c => MonitoringRules.Assess(Forum, PlanState(), c, Assessment, NoFiles, As(member), Now))
            .Then(new AssessmentRecorded(C, P, Id("000f8"), null, Completion.Limited, "Register not public yet", [], member.MemberId, member.Name, member.Organisation,
                member.Group, member.MemberId, Now));
    }

    [Fact]
    public void Given_an_adopted_commitment_When_a_government_member_assesses_Then_refused() =>
        Commitment(Adopted).When(c => MonitoringRules.Assess(Forum, PlanState(), c, Assessment, NoFiles, As(Finance), Now))
            .ThenRejected(RejectionKind.Forbidden, "civil-society-or-other-voting-members-only");

    [Fact]
    public void Given_an_adopted_commitment_When_an_observer_assesses_Then_refused() =>
        Commitment(Adopted).When(c => MonitoringRules.Assess(Forum, PlanState(), c, Assessment, NoFiles, As(Press), Now))
            .ThenRejected(RejectionKind.Forbidden, "civil-society-or-other-voting-members-only");

    [Fact]
    public void Given_a_civil_society_reporter_When_they_assess_their_own_commitment_Then_assessor_independent() =>
        Commitment(new CommitmentAmended(C, P, Terms with { Reporters = [new Reporter(CsoReporter.MemberId, CsoReporter.Name)] }, Admin.AccountId, Now), Adopted)
            .When(c => MonitoringRules.Assess(Forum, PlanState(), c, Assessment, NoFiles, As(CsoReporter), Now))
            .ThenRejected(RejectionKind.Forbidden, "assessor-independent");

    [Fact]
    public void Given_a_commitment_When_a_government_member_who_is_not_its_reporter_uploads_Then_refused() =>
        MonitoringRules.MayUpload(Forum, PlanState(), CommitmentOf(), As(Finance))!.Rule.ShouldBe("reporters-or-assessors-only");

    [Fact]
    public void Given_a_commitment_When_its_reporter_or_civil_society_uploads_Then_allowed()
    {
        MonitoringRules.MayUpload(Forum, PlanState(), CommitmentOf(), As(Reporter)).ShouldBeNull();
        MonitoringRules.MayUpload(Forum, PlanState(), CommitmentOf(), As(Cso)).ShouldBeNull();
    }

    [Fact]
    public void Given_a_file_When_larger_than_20_MB_Then_evidence_too_large() =>
        EvidenceRules.Check("law.pdf", EvidenceRules.MaxBytes + 1, "%PDF-1.7"u8).Refusal.ShouldBe(
            new Rejection(RejectionKind.TooLarge, "evidence-too-large", EvidenceRules.Check("law.pdf", EvidenceRules.MaxBytes + 1, "%PDF-1.7"u8).Refusal!.Detail));

    [Theory]
    [InlineData("tool.exe", "MZ")]
    [InlineData("photo.png", "%PDF-1.7")]
    [InlineData("page.html", "<html>")]
    public void Given_a_file_When_not_a_document_or_image_or_not_what_its_name_says_Then_evidence_type_not_allowed(string name, string head)
    {
        var (_, refusal) = EvidenceRules.Check(name, 100, System.Text.Encoding.ASCII.GetBytes(head));
        refusal!.Rule.ShouldBe("evidence-type-not-allowed");
        refusal.Kind.ShouldBe(RejectionKind.UnsupportedMediaType);
    }

    [Fact]
    public void Given_a_file_When_a_pdf_Then_served_as_a_pdf() =>
        EvidenceRules.Check("Law.PDF", 100, "%PDF-1.7"u8).ContentType.ShouldBe("application/pdf");

    // Action points

    private static readonly ActionPointAssigned Assigned = new(S, Item, Ap, "Publish the draft register", Reporter.MemberId, Reporter.Name, new DateOnly(2026, 5, 1), Admin.AccountId, Now);

    [Fact]
    public void Given_an_action_point_When_its_owner_completes_it_Then_completed() =>
        ActionPointRules.Complete(Forum, Assigned, null, new CompleteActionPoint(" Done "), As(Reporter), Now).Events
            .ShouldBe([new ActionPointCompleted(Ap, "Done", Reporter.MemberId, Now)]);

    [Fact]
    public void Given_an_action_point_When_the_secretariat_completes_it_Then_completed() =>
        ActionPointRules.Complete(Forum, Assigned, null, new CompleteActionPoint(null), Admin, Now).Accepted.ShouldBeTrue();

    [Fact]
    public void Given_an_action_point_When_another_member_completes_it_Then_owner_or_secretariat_only() =>
        Rejected(ActionPointRules.Complete(Forum, Assigned, null, new CompleteActionPoint(null), As(Cso), Now), RejectionKind.Forbidden, "owner-or-secretariat-only");

    [Fact]
    public void Given_a_completed_action_point_When_completed_again_Then_refused() =>
        new Spec<ActionPointState>().Given(new ActionPointCompleted(Ap, "", Reporter.MemberId, Now))
            .When(s => ActionPointRules.Complete(Forum, Assigned, s, new CompleteActionPoint(null), As(Reporter), Now))
            .ThenRejected(RejectionKind.Conflict, "action-point-completed");

    [Fact]
    public void Given_an_action_point_When_the_secretariat_links_it_to_a_milestone_Then_linked() =>
        ActionPointRules.Link(Forum, Assigned, null, new LinkActionPoint(C, M1), CommitmentOf(Milestone), Admin, Now).Events
            .ShouldBe([new ActionPointLinked(Ap, C, M1, Admin.AccountId, Now)]);

    [Fact]
    public void Given_a_forum_When_the_secretariat_asks_for_its_action_points_to_link_Then_allowed() =>
        ActionPointRules.MayLink(Forum, Admin).ShouldBeNull();

    [Fact]
    public void Given_a_forum_When_a_member_asks_for_its_action_points_to_link_Then_secretariat_only()
    {
        var refusal = ActionPointRules.MayLink(Forum, As(Reporter)).ShouldNotBeNull();
        refusal.Kind.ShouldBe(RejectionKind.Forbidden);
        refusal.Rule.ShouldBe("secretariat-only");
    }

    [Fact]
    public void Given_an_action_point_When_linked_to_a_milestone_of_another_commitment_Then_refused() =>
        Rejected(ActionPointRules.Link(Forum, Assigned, null, new LinkActionPoint(C, Guid.NewGuid()), CommitmentOf(Milestone), Admin, Now),
            RejectionKind.Invalid, "milestone-of-this-commitment");

    [Fact]
    public void Given_an_action_point_linked_by_the_secretariat_When_its_decision_links_it_Then_the_secretariats_link_stands() =>
        new Spec<ActionPointState>().Given(new ActionPointLinked(Ap, C, M1, Admin.AccountId, Now))
            .When(s => ActionPointRules.LinkFromDecision(Ap, s, C2, Admin.AccountId, Now)).Then();

    [Fact]
    public void Given_levels_When_the_government_sees_more_than_civil_society_Then_the_gap_is_positive()
    {
        CompletionScale.Gap(Completion.Substantial, Completion.Limited).ShouldBe(1);
        CompletionScale.Gap(Completion.Complete, Completion.NoEvidence).ShouldBe(3);
        CompletionScale.Gap(Completion.Limited, null).ShouldBeNull();
    }
}
