using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.Positions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Domain.Sessions.Scheduling;
using Forum.Domain.Sessions.Voting;

namespace Forum.Tests.Sessions.RunningTheRoom;

/// <summary>Running the room, as Given(events).When(command).Then(events), without a database.</summary>
public class RoomRulesTests : SessionSpecs
{
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
    public void Given_a_stranger_When_they_check_in_Then_forum_members_only() =>
        Given(Scheduled, Opened).When(s => RoomRules.CheckIn(Forum, s, new CheckIn(Presence.Online, null), Stranger, Now))
            .ThenRejected(RejectionKind.Forbidden, "forum-members-only");
}
