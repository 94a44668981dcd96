using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.Positions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Domain.Sessions.Scheduling;
using Forum.Domain.Sessions.Voting;

namespace Forum.Tests.Sessions.Positions;

/// <summary>Positions, as Given(events).When(command).Then(events), without a database.</summary>
public class PositionRulesTests : SessionSpecs
{
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
}
