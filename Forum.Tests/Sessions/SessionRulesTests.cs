using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.Positions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Domain.Sessions.Scheduling;
using Forum.Tests.Support;

namespace Forum.Tests.Sessions;

/// <summary>The session's rules as Given(events).When(command).Then(events), without a database.</summary>
public class SessionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid F = Guid.Parse("0193f000-0000-7000-8000-0000000000f1");
    private static readonly Guid S = Guid.Parse("0193f000-0000-7000-8000-0000000000e1");
    private static readonly Guid Item = Guid.Parse("0193f000-0000-7000-8000-0000000000d1");
    private static readonly Guid Info = Guid.Parse("0193f000-0000-7000-8000-0000000000d2");
    private static readonly Guid Sub = Guid.Parse("0193f000-0000-7000-8000-0000000000c1");

    private static readonly Actor Admin = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a1"), "admin@forum.test", true);
    private static Actor ActorOf(Member m) => new(m.MemberId, m.Email, false);
    private static readonly Actor Stranger = new(Guid.NewGuid(), "stranger@x.test", false);

    private static readonly Member GovChair = M("01", StakeholderGroup.Government);
    private static readonly Member CsoChair = M("02", StakeholderGroup.CivilSociety);
    private static readonly Member Gov = M("03", StakeholderGroup.Government);
    private static readonly Member Cso = M("04", StakeholderGroup.CivilSociety);
    private static readonly Member Observer = M("05", StakeholderGroup.Other, MemberRole.Observer);

    private static Member M(string n, StakeholderGroup g, MemberRole role = MemberRole.Member) =>
        new(Guid.Parse($"0193f000-0000-7000-8000-0000000000{n}"), $"Member {n}", $"m{n}@forum.test", "Org", g, role);

    private static readonly ForumState Forum = Spec<ForumState>.Fold(new object[]
    {
        new ForumEstablished(F, "Forum", "Ukraine", "uk", "", Admin.AccountId, Now),
    }.Concat(new[] { GovChair, CsoChair, Gov, Cso, Observer }.Select(m => (object)new MemberAdmitted(F, m.MemberId, m.Name, m.Email, m.Organisation, m.Group, m.Role, Admin.AccountId, Now)))
     .Append(new CoChairAppointed(F, GovChair.MemberId, StakeholderGroup.Government, Admin.AccountId, Now))
     .Append(new CoChairAppointed(F, CsoChair.MemberId, StakeholderGroup.CivilSociety, Admin.AccountId, Now)));

    private static readonly object Scheduled = new SessionScheduled(S, F, "Plenary", Now.AddHours(1), Now.AddHours(4), SessionMode.Hybrid, "Kyiv", "https://meet.example.org/x", "uk", Admin.AccountId, Now);
    private static readonly object DecisionItem = new AgendaItemAdded(S, Item, "Commitment 3", "", ItemKind.Decision, "", 30, Admin.AccountId, Now);
    private static readonly object InfoItem = new AgendaItemAdded(S, Info, "Report", "", ItemKind.Information, "", 10, Admin.AccountId, Now);
    private static readonly object Opened = new SessionOpened(S,
        new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 2, [StakeholderGroup.CivilSociety] = 2, [StakeholderGroup.Other] = 0 },
        ForumRules.Default, [GovChair.MemberId, CsoChair.MemberId], Admin.AccountId, Now);
    private static object In(Member m, Presence p = Presence.InRoom) => new ParticipantCheckedIn(S, m.MemberId, m.Name, m.Group, m.Role, p, null, Now);
    private static readonly object ItemOpened = new AgendaItemOpened(S, Item, Admin.AccountId, Now);
    private static object Pos(Member m, Stance s, string statement = "why") => new PositionSubmitted(S, Item, m.MemberId, s, statement, null, Sub, Now);

    private static object[] Live => [Scheduled, DecisionItem, InfoItem, Opened, In(GovChair), In(CsoChair, Presence.Online), In(Gov), In(Cso, Presence.Online), In(Observer), ItemOpened];

    private static SessionSpec Given(params object[] events) => new(events);

    private sealed class SessionSpec(object[] given)
    {
        private readonly Spec<SessionState> _spec = new Spec<SessionState>().Given(given);
        public Spec<SessionState> When(Func<SessionState, Verdict> decide) => _spec.When(decide);
        /// <summary>For the rules that take positions: those the given events leave standing, as the host reads them from the board.</summary>
        public Spec<SessionState> When(Func<SessionState, GivenPositions, Verdict> decide) => _spec.When(s => decide(s, new GivenPositions(given)));
    }

    private sealed class GivenPositions(object[] given)
    {
        private readonly Dictionary<(Guid Item, Guid Member), PositionState> _positions = given.Aggregate(new Dictionary<(Guid, Guid), PositionState>(), (d, e) =>
        {
            if (e is PositionSubmitted p) d[(p.ItemId, p.MemberId)] = new PositionState(p.Stance, p.Statement, p.At);
            if (e is PositionWithdrawn w && d.TryGetValue((w.ItemId, w.MemberId), out var before)) d[(w.ItemId, w.MemberId)] = before with { Withdrawn = true, At = w.At };
            return d;
        });

        public PositionState? Of(Guid item, Member m) => _positions.GetValueOrDefault((item, m.MemberId));
        public IReadOnlyDictionary<Guid, PositionState> On(Guid item) =>
            _positions.Where(p => p.Key.Item == item && !p.Value.Withdrawn).ToDictionary(p => p.Key.Member, p => p.Value);
    }

    [Fact]
    public void Given_scheduled_session_When_a_co_chair_opens_Then_opened_with_the_forum_as_it_stands() =>
        Given(Scheduled).When(s => RoomRules.Open(Forum, s, new OpenSession(), ActorOf(GovChair), Now))
            .Then(new SessionOpened(S, ((SessionOpened)Opened).VotingMembers, ForumRules.Default, [GovChair.MemberId, CsoChair.MemberId], GovChair.MemberId, Now));

    [Fact]
    public void Given_scheduled_session_When_a_member_opens_Then_co_chair_only() =>
        Given(Scheduled).When(s => RoomRules.Open(Forum, s, new OpenSession(), ActorOf(Gov), Now)).ThenRejected(RejectionKind.Forbidden, "co-chair-only");

    [Fact]
    public void Given_scheduled_session_When_the_secretariat_opens_Then_co_chair_only() =>
        Given(Scheduled).When(s => RoomRules.Open(Forum, s, new OpenSession(), Admin, Now)).ThenRejected(RejectionKind.Forbidden, "co-chair-only");

    [Fact]
    public void Given_scheduled_session_When_a_member_submits_Then_session_not_open() =>
        Given(Scheduled, DecisionItem).When((s, p) => PositionRules.Submit(Forum, s, null, new SubmitPosition(Item, Stance.Support, "", null, Sub, Now), ActorOf(Gov), Now))
            .ThenRejected(RejectionKind.Conflict, "session-not-open");

    [Fact]
    public void Given_open_item_When_a_present_member_submits_Then_position_submitted() =>
        Given(Live).When((s, p) => PositionRules.Submit(Forum, s, null, new SubmitPosition(Item, Stance.Support, " yes ", null, Sub, Now), ActorOf(Gov), Now))
            .Then(new PositionSubmitted(S, Item, Gov.MemberId, Stance.Support, "yes", null, Sub, Now));

    [Fact]
    public void Given_same_position_When_submitted_again_Then_nothing_changes() =>
        Given([.. Live, Pos(Gov, Stance.Support, "yes")]).When((s, p) => PositionRules.Submit(Forum, s, p.Of(Item, Gov), new SubmitPosition(Item, Stance.Support, "yes", null, Sub, Now), ActorOf(Gov), Now))
            .Then();

    [Fact]
    public void Given_a_position_accepted_later_When_an_earlier_submission_arrives_Then_superseded_and_not_applied() =>
        Given([.. Live, new PositionSubmitted(S, Item, Gov.MemberId, Stance.Support, "", null, Sub, Now.AddSeconds(5))])
            .When((s, p) => PositionRules.Submit(Forum, s, p.Of(Item, Gov), new SubmitPosition(Item, Stance.Block, "no", null, Guid.NewGuid(), Now), ActorOf(Gov), Now.AddSeconds(9)))
            .ThenRejected(RejectionKind.Conflict, PositionRules.Superseded);

    [Fact]
    public void Given_a_position_withdrawn_later_When_an_earlier_submission_arrives_Then_superseded() =>
        Given([.. Live, Pos(Gov, Stance.Object), new PositionWithdrawn(S, Item, Gov.MemberId, Now.AddSeconds(5))])
            .When((s, p) => PositionRules.Submit(Forum, s, p.Of(Item, Gov), new SubmitPosition(Item, Stance.Block, "no", null, Guid.NewGuid(), Now.AddSeconds(1)), ActorOf(Gov), Now.AddSeconds(9)))
            .ThenRejected(RejectionKind.Conflict, PositionRules.Superseded);

    [Fact]
    public void Given_a_position_When_a_later_submission_arrives_Then_it_revises_with_its_acceptance_time() =>
        Given([.. Live, Pos(Gov, Stance.Block)])
            .When((s, p) => PositionRules.Submit(Forum, s, p.Of(Item, Gov), new SubmitPosition(Item, Stance.Support, "", null, Sub, Now.AddSeconds(3)), ActorOf(Gov), Now.AddSeconds(9)))
            .Then(new PositionSubmitted(S, Item, Gov.MemberId, Stance.Support, "", null, Sub, Now.AddSeconds(3)));

    [Fact]
    public void Given_open_item_When_an_observer_submits_Then_rejected() =>
        Given(Live).When((s, p) => PositionRules.Submit(Forum, s, null, new SubmitPosition(Item, Stance.Support, "", null, Sub, Now), ActorOf(Observer), Now))
            .ThenRejected(RejectionKind.Forbidden, "voting-member-only");

    [Fact]
    public void Given_open_item_When_a_member_who_has_not_checked_in_submits_Then_rejected() =>
        Given(Scheduled, DecisionItem, Opened, ItemOpened).When((s, p) => PositionRules.Submit(Forum, s, null, new SubmitPosition(Item, Stance.Support, "", null, Sub, Now), ActorOf(Gov), Now))
            .ThenRejected(RejectionKind.Conflict, "check-in-first");

    [Fact]
    public void Given_closed_item_When_a_member_submits_Then_item_not_open() =>
        Given([.. Live, new DecisionRecorded(S, Item, Outcome.Deferred, "t", [], [], new Quorum(true, 4, 2, 4, false, true, ""), new Dictionary<Stance, int>(), Admin.AccountId, Now), new AgendaItemClosed(S, Item, Admin.AccountId, Now)])
            .When((s, p) => PositionRules.Submit(Forum, s, null, new SubmitPosition(Item, Stance.Support, "", null, Sub, Now), ActorOf(Gov), Now))
            .ThenRejected(RejectionKind.Conflict, "item-not-open");

    [Fact]
    public void Given_closed_session_When_a_member_submits_Then_session_closed() =>
        Given(Scheduled, DecisionItem, Opened, In(Gov), new SessionClosed(S, Admin.AccountId, Now))
            .When((s, p) => PositionRules.Submit(Forum, s, null, new SubmitPosition(Item, Stance.Support, "", null, Sub, Now), ActorOf(Gov), Now))
            .ThenRejected(RejectionKind.Conflict, "session-closed");

    [Fact]
    public void Given_member_in_the_room_When_the_secretariat_records_for_them_Then_it_says_who_recorded() =>
        Given(Live).When((s, p) => PositionRules.Submit(Forum, s, null, new SubmitPosition(Item, Stance.Abstain, "", Gov.MemberId, Sub, Now), Admin, Now))
            .Then(new PositionSubmitted(S, Item, Gov.MemberId, Stance.Abstain, "", Admin.Email, Sub, Now));

    [Fact]
    public void Given_member_online_When_the_secretariat_records_for_them_Then_rejected() =>
        Given(Live).When((s, p) => PositionRules.Submit(Forum, s, null, new SubmitPosition(Item, Stance.Abstain, "", Cso.MemberId, Sub, Now), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "on-behalf-in-room-only");

    [Fact]
    public void Given_a_block_stands_When_consensus_is_recorded_Then_rejected() =>
        Given([.. Live, Pos(Cso, Stance.Block)]).When((s, p) => DecisionRules.Decide(Forum, s, p.On(Item), new RecordDecision(Item, Outcome.ConsensusReached, "t", [], [], []), ActorOf(GovChair), Now))
            .ThenRejected(RejectionKind.Conflict, "block-stands");

    [Fact]
    public void Given_an_objection_When_decided_without_a_response_Then_response_required() =>
        Given([.. Live, Pos(Cso, Stance.Object)]).When((s, p) => DecisionRules.Decide(Forum, s, p.On(Item), new RecordDecision(Item, Outcome.ConsensusWithReservations, "t", [], [], []), ActorOf(GovChair), Now))
            .ThenRejected(RejectionKind.Conflict, "response-required");

    [Fact]
    public void Given_an_objection_answered_When_decided_Then_decision_names_it_with_quorum_and_who_was_present()
    {
        object[] given = [.. Live, Pos(Cso, Stance.Object, "too slow"), Pos(Gov, Stance.Support)];
        var verdict = DecisionRules.Decide(Forum, Spec<SessionState>.Fold(given), new GivenPositions(given).On(Item),
            new RecordDecision(Item, Outcome.ConsensusWithReservations, "Publish by June", [new ResponseToPosition(Cso.MemberId, "We add a review in a year.")], [], []),
            ActorOf(GovChair), Now);
        verdict.Rejection.ShouldBeNull();
        var decision = verdict.Events.ShouldHaveSingleItem().ShouldBeOfType<DecisionRecorded>();
        decision.Objections.ShouldHaveSingleItem().ShouldBe(new ObjectionOnRecord(Cso.MemberId, Cso.Name, StakeholderGroup.CivilSociety, Stance.Object, "too slow", "We add a review in a year."));
        decision.Quorum.Met.ShouldBeTrue();
        decision.Present.Count.ShouldBe(5);
        decision.Tally[Stance.Object].ShouldBe(1);
    }

    [Fact]
    public void Given_no_quorum_When_consensus_is_recorded_Then_rejected_but_deferral_allowed()
    {
        object[] thin = [Scheduled, DecisionItem, Opened, In(GovChair), ItemOpened];
        Given(thin).When((s, p) => DecisionRules.Decide(Forum, s, p.On(Item), new RecordDecision(Item, Outcome.ConsensusReached, "t", [], [], []), ActorOf(GovChair), Now))
            .ThenRejected(RejectionKind.Conflict, "quorum-not-met");
        DecisionRules.Decide(Forum, Spec<SessionState>.Fold(thin), new GivenPositions(thin).On(Item), new RecordDecision(Item, Outcome.Deferred, "t", [], [], []), ActorOf(GovChair), Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<DecisionRecorded>().Quorum.Met.ShouldBeFalse();
    }

    [Fact]
    public void Given_consensus_only_rules_When_a_vote_is_recorded_Then_rejected() =>
        Given(Live).When((s, p) => DecisionRules.Decide(Forum, s, p.On(Item), new RecordDecision(Item, Outcome.VoteCarried, "t", [], [], []), ActorOf(GovChair), Now))
            .ThenRejected(RejectionKind.Conflict, "consensus-only");

    [Fact]
    public void Given_an_open_item_When_another_is_opened_Then_one_item_at_a_time() =>
        Given(Live).When(s => RoomRules.OpenItem(Forum, s, new OpenItem(Info), ActorOf(CsoChair), Now))
            .ThenRejected(RejectionKind.Conflict, "one-item-at-a-time");

    [Fact]
    public void Given_undecided_decision_item_When_closed_Then_decision_required() =>
        Given(Live).When(s => RoomRules.CloseItem(Forum, s, new CloseItem(Item), ActorOf(CsoChair), Now))
            .ThenRejected(RejectionKind.Conflict, "decision-required");

    [Fact]
    public void Given_a_proposal_When_tabled_again_with_new_text_Then_revised() =>
        Given([.. Live, new ProposalTabled(S, Item, "v1", Admin.AccountId, Now)])
            .When(s => RoomRules.Table(Forum, s, new TableProposal(Item, "v2"), ActorOf(GovChair), Now))
            .Then(new ProposalRevised(S, Item, "v2", 1, ActorOf(GovChair).AccountId, Now));

    [Fact]
    public void Given_someone_has_the_floor_When_a_co_chair_gives_it_to_another_Then_the_first_yields_with_their_time() =>
        Given([.. Live, new FloorGiven(S, Gov.MemberId, Admin.AccountId, Now.AddSeconds(-90))])
            .When(s => RoomRules.Floor(Forum, s, new GiveFloor(Cso.MemberId), ActorOf(GovChair), Now))
            .Then(new FloorYielded(S, Gov.MemberId, 90, Now), new FloorGiven(S, Cso.MemberId, ActorOf(GovChair).AccountId, Now));

    [Fact]
    public void Given_a_raised_hand_When_raised_again_Then_nothing_changes() =>
        Given([.. Live, new HandRaised(S, Gov.MemberId, Now)]).When(s => RoomRules.Hand(Forum, s, new RaiseHand(true), ActorOf(Gov), Now)).Then();

    [Fact]
    public void Given_an_open_session_When_cancelled_Then_only_scheduled_sessions_are() =>
        Given(Scheduled, Opened).When(s => SchedulingRules.Cancel(Forum, s, new CancelSession("rain"), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "session-not-scheduled");

    [Fact]
    public void Given_an_opened_item_When_amended_Then_rejected() =>
        Given(Live).When(s => SchedulingRules.AmendItem(Forum, s, new AmendAgendaItem(Item, "New", null, null, null, null), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "item-already-taken-up");

    [Fact]
    public void Given_a_stranger_When_they_check_in_Then_forum_members_only() =>
        Given(Scheduled, Opened).When(s => RoomRules.CheckIn(Forum, s, new CheckIn(Presence.Online, null), Stranger, Now))
            .ThenRejected(RejectionKind.Forbidden, "forum-members-only");

    [Fact]
    public void Quorum_with_parity_needs_both_groups()
    {
        var votingMembers = new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 4, [StakeholderGroup.CivilSociety] = 4 };
        var rules = new ForumRules(0.5, true, false, 0);
        var onlyGov = QuorumRule.Evaluate(votingMembers, rules, Enumerable.Repeat((StakeholderGroup.Government, true), 4));
        onlyGov.Met.ShouldBeFalse();
        onlyGov.ParityMet.ShouldBeFalse();
        onlyGov.Explanation.ShouldContain("CivilSociety: 0 of 4 present");
        var both = QuorumRule.Evaluate(votingMembers, rules, Enumerable.Repeat((StakeholderGroup.Government, true), 2).Concat(Enumerable.Repeat((StakeholderGroup.CivilSociety, true), 2)));
        both.Met.ShouldBeTrue();
        var observers = QuorumRule.Evaluate(votingMembers, new ForumRules(0.5, false, false, 0), Enumerable.Repeat((StakeholderGroup.Other, false), 8));
        observers.Met.ShouldBeFalse();
    }

    [Fact]
    public void Only_the_secretariat_or_a_co_chair_makes_a_room_display_link()
    {
        SessionRules.MayMakeDisplay(Forum, Admin).ShouldBeNull();
        SessionRules.MayMakeDisplay(Forum, ActorOf(CsoChair)).ShouldBeNull();
        SessionRules.MayMakeDisplay(Forum, ActorOf(Gov))!.Rule.ShouldBe("secretariat-or-co-chair-only");
        SessionRules.MayMakeDisplay(Forum, null)!.Rule.ShouldBe("sign-in-required");
    }
}
