using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.Voting;
using Forum.Projections.Sessions;
using Forum.Tests.Support;

namespace Forum.Tests.Sessions.Voting;

/// <summary>A vote round, as Given(events).When(command).Then(events), without a database.</summary>
public class VoteRulesTests : SessionSpecs
{
    // Half of Yes and No carries; consensus with a vote as fallback.
    private static readonly ForumRules VoteRules50 = new(0.5, false, true, 0.5);
    private static readonly object OpenedWithVote = new SessionOpened(S,
        new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 2, [StakeholderGroup.CivilSociety] = 2, [StakeholderGroup.Other] = 0 },
        VoteRules50, [GovChair.MemberId, CsoChair.MemberId], Admin.AccountId, Now);
    private static object[] LiveWithVote => [Scheduled, DecisionItem, InfoItem, OpenedWithVote, In(GovChair), In(CsoChair, Presence.Online), In(Gov),
        In(Cso, Presence.Online), In(Observer), ItemOpened];
    private static readonly object VoteIsOpen = new VoteOpened(S, Item, "Publish by June?", GovChair.MemberId, Now);

    private static Dictionary<Guid, (StakeholderGroup, VoteChoice)> Ballots(params (Member M, VoteChoice C)[] votes) =>
        votes.ToDictionary(v => v.M.MemberId, v => (v.M.Group, v.C));

    [Fact]
    public void Given_consensus_only_rules_When_a_co_chair_opens_a_vote_Then_consensus_only() =>
        Given(Live).When(s => VoteRules.Open(Forum, s, new OpenVote(Item, null), ActorOf(GovChair), Now)).ThenRejected(RejectionKind.Conflict, "consensus-only");

    [Fact]
    public void Given_a_vote_fallback_When_a_co_chair_opens_a_vote_Then_the_proposal_is_put() =>
        Given([.. LiveWithVote, new ProposalTabled(S, Item, "Publish by June?", Admin.AccountId, Now)])
            .When(s => VoteRules.Open(Forum, s, new OpenVote(Item, " "), ActorOf(GovChair), Now))
            .Then(new VoteOpened(S, Item, "Publish by June?", GovChair.MemberId, Now));

    [Fact]
    public void Given_a_vote_fallback_When_a_member_opens_a_vote_Then_co_chair_only() =>
        Given(LiveWithVote).When(s => VoteRules.Open(Forum, s, new OpenVote(Item, null), ActorOf(Gov), Now)).ThenRejected(RejectionKind.Forbidden, "co-chair-only");

    [Fact]
    public void Given_a_vote_held_When_another_is_opened_Then_one_vote_per_item() =>
        Given([.. LiveWithVote, VoteIsOpen]).When(s => VoteRules.Open(Forum, s, new OpenVote(Item, null), ActorOf(CsoChair), Now))
            .ThenRejected(RejectionKind.Conflict, "one-vote-per-item");

    [Fact]
    public void Given_an_open_vote_When_a_present_member_votes_Then_cast_and_again_the_same_changes_nothing()
    {
        Given([.. LiveWithVote, VoteIsOpen]).When(s => VoteRules.Cast(Forum, s, null, new CastVote(Item, VoteChoice.No), ActorOf(Cso), Now))
            .Then(new VoteCast(S, Item, Cso.MemberId, VoteChoice.No, Now));
        Given([.. LiveWithVote, VoteIsOpen]).When(s => VoteRules.Cast(Forum, s, VoteChoice.No, new CastVote(Item, VoteChoice.No), ActorOf(Cso), Now)).Then();
    }

    [Fact]
    public void Given_an_open_vote_When_an_observer_votes_Then_voting_member_only() =>
        Given([.. LiveWithVote, VoteIsOpen]).When(s => VoteRules.Cast(Forum, s, null, new CastVote(Item, VoteChoice.Yes), ActorOf(Observer), Now))
            .ThenRejected(RejectionKind.Forbidden, "voting-member-only");

    [Fact]
    public void Given_an_open_vote_When_a_member_who_left_votes_Then_check_in_first() =>
        Given([.. LiveWithVote, VoteIsOpen, new ParticipantLeft(S, Gov.MemberId, null, Now)])
            .When(s => VoteRules.Cast(Forum, s, null, new CastVote(Item, VoteChoice.Yes), ActorOf(Gov), Now))
            .ThenRejected(RejectionKind.Conflict, "check-in-first");

    [Fact]
    public void Given_no_vote_open_When_a_member_votes_Then_vote_not_open() =>
        Given(LiveWithVote).When(s => VoteRules.Cast(Forum, s, null, new CastVote(Item, VoteChoice.Yes), ActorOf(Gov), Now))
            .ThenRejected(RejectionKind.Conflict, "vote-not-open");

    [Fact]
    public void Given_three_yes_one_no_and_an_abstention_When_closed_Then_it_carries_at_half_and_counts_by_group()
    {
        var verdict = VoteRules.Close(Forum, Spec<SessionState>.Fold([.. LiveWithVote, VoteIsOpen]),
            Ballots((GovChair, VoteChoice.Yes), (Gov, VoteChoice.Yes), (CsoChair, VoteChoice.Yes), (Cso, VoteChoice.No)), new CloseVote(Item), ActorOf(GovChair), Now);
        var closed = verdict.Events.ShouldHaveSingleItem().ShouldBeOfType<VoteClosed>();
        (closed.Yes, closed.No, closed.Abstain, closed.Carried).ShouldBe((3, 1, 0, true));
        closed.ByGroup[StakeholderGroup.Government][VoteChoice.Yes].ShouldBe(2);
        closed.ByGroup[StakeholderGroup.CivilSociety][VoteChoice.No].ShouldBe(1);
        closed.Quorum.Met.ShouldBeTrue();
    }

    [Fact]
    public void Given_one_yes_and_two_no_When_closed_Then_it_fails_and_the_decision_must_say_so()
    {
        object[] given = [.. LiveWithVote, VoteIsOpen];
        var closed = VoteRules.Close(Forum, Spec<SessionState>.Fold(given), Ballots((Gov, VoteChoice.Yes), (Cso, VoteChoice.No), (CsoChair, VoteChoice.No)),
            new CloseVote(Item), ActorOf(GovChair), Now).Events.ShouldHaveSingleItem().ShouldBeOfType<VoteClosed>();
        closed.Carried.ShouldBeFalse();
        Given([.. given, closed]).When(s => DecisionRules.Decide(Forum, s, new Dictionary<Guid, PositionState>(),
                new RecordDecision(Item, Outcome.VoteCarried, "t", [], [], []), ActorOf(GovChair), Now))
            .ThenRejected(RejectionKind.Conflict, "vote-count");
        Given([.. given, closed]).When(s => DecisionRules.Decide(Forum, s, new Dictionary<Guid, PositionState>(),
                new RecordDecision(Item, Outcome.VoteFailed, "t", [], [], []), ActorOf(GovChair), Now))
            .Then(DecisionRules.Decide(Forum, Spec<SessionState>.Fold([.. given, closed]), new Dictionary<Guid, PositionState>(),
                new RecordDecision(Item, Outcome.VoteFailed, "t", [], [], []), ActorOf(GovChair), Now).Events.ToArray());
    }

    [Fact]
    public void Given_a_vote_open_When_a_vote_outcome_is_recorded_Then_vote_still_open() =>
        Given([.. LiveWithVote, VoteIsOpen]).When(s => DecisionRules.Decide(Forum, s, new Dictionary<Guid, PositionState>(),
                new RecordDecision(Item, Outcome.VoteCarried, "t", [], [], []), ActorOf(GovChair), Now))
            .ThenRejected(RejectionKind.Conflict, "vote-still-open");

    [Fact]
    public void The_board_counts_the_ballots_by_group_and_a_changed_vote_once()
    {
        object[] events =
        [
            .. LiveWithVote, VoteIsOpen, new VoteCast(S, Item, Gov.MemberId, VoteChoice.No, Now), new VoteCast(S, Item, Gov.MemberId, VoteChoice.Yes, Now),
            new VoteCast(S, Item, Cso.MemberId, VoteChoice.Abstain, Now),
        ];
        var board = SessionBoard.Replay(events.Select((e, i) => ((long)i + 1, e)))!;
        var vote = board.Item(Item).Vote!;
        vote.Cast.ShouldBe(2);
        vote.ByGroup[StakeholderGroup.Government][VoteChoice.Yes].ShouldBe(1);
        vote.ByGroup[StakeholderGroup.Government][VoteChoice.No].ShouldBe(0);
        vote.ByGroup[StakeholderGroup.CivilSociety][VoteChoice.Abstain].ShouldBe(1);
    }
}
