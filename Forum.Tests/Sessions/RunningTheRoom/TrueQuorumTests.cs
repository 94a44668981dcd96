using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Projections.Sessions;
using Forum.Tests.Support;

namespace Forum.Tests.Sessions.RunningTheRoom;

/// <summary>Quorum at each moment counts who really belongs to the forum and is present; speaking time is the floor's own times.</summary>
public class TrueQuorumTests : SessionSpecs
{
    private static readonly Member Late = new(Guid.Parse("0193f000-0000-7000-8000-000000000009"), "Late Comer", "late@forum.test", "Org", StakeholderGroup.CivilSociety,
        MemberRole.Member);
    private static ForumState ForumWith(params object[] events) => Spec<ForumState>.Fold(ForumHistory.Concat(events));

    [Fact]
    public void Given_a_member_admitted_after_the_session_opened_When_the_roster_is_recounted_Then_quorum_counts_them()
    {
        var forum = ForumWith(new MemberAdmitted(F, Late.MemberId, Late.Name, Late.Email, Late.Organisation, Late.Group, Late.Role, Admin.AccountId, Now));
        Given(Live).When(s => RoomRules.Recount(forum, s, Now)).Then(new VotingMembersChanged(S,
            new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 2, [StakeholderGroup.CivilSociety] = 3, [StakeholderGroup.Other] = 0 }, Now));
    }

    [Fact]
    public void Given_a_present_member_removed_from_the_forum_When_recounted_Then_they_leave_and_yield_the_floor()
    {
        var forum = ForumWith(new MemberRemoved(F, Gov.MemberId, Admin.AccountId, Now));
        Given([.. Live, new FloorGiven(S, Gov.MemberId, Admin.AccountId, Now.AddSeconds(-30))]).When(s => RoomRules.Recount(forum, s, Now)).Then(
            new VotingMembersChanged(S, new Dictionary<StakeholderGroup, int> { [StakeholderGroup.Government] = 1, [StakeholderGroup.CivilSociety] = 2, [StakeholderGroup.Other] = 0 }, Now),
            new FloorYielded(S, Gov.MemberId, 30, Now),
            new ParticipantLeft(S, Gov.MemberId, RoomRules.ByMembership, Now));
    }

    [Fact]
    public void Given_a_present_member_made_an_observer_When_recounted_Then_present_as_observer_and_no_longer_counted()
    {
        var forum = ForumWith(new MemberRoleChanged(F, Cso.MemberId, MemberRole.Observer, Admin.AccountId, Now));
        var verdict = Spec<SessionState>.Fold(Live) is var s ? RoomRules.Recount(forum, s, Now) : null;
        verdict!.Events.OfType<ParticipantCheckedIn>().ShouldHaveSingleItem().Role.ShouldBe(MemberRole.Observer);
        var after = Spec<SessionState>.Fold([.. Live, .. verdict.Events]);
        QuorumRule.Evaluate(after.VotingMembers, after.Rules, after.Present.Values.Select(a => (a.Group, a.Votes))).Present.ShouldBe(3);
    }

    [Fact]
    public void Given_nothing_changed_on_the_roster_When_recounted_Then_nothing() =>
        Given(Live).When(s => RoomRules.Recount(Forum, s, Now)).Then();

    [Fact]
    public void Given_members_left_When_a_decision_is_recorded_Then_its_quorum_is_who_was_really_present()
    {
        object[] given = [.. Live, new ParticipantLeft(S, Gov.MemberId, null, Now), new ParticipantLeft(S, Cso.MemberId, null, Now)];
        var decision = DecisionRules.Decide(Forum, Spec<SessionState>.Fold(given), new Dictionary<Guid, PositionState>(),
            new RecordDecision(Item, Outcome.Deferred, "Later.", [], [], []), ActorOf(GovChair), Now).Events.OfType<DecisionRecorded>().Single();
        decision.Quorum.Present.ShouldBe(2);
        decision.Present.Select(p => p.MemberId).ShouldNotContain(Gov.MemberId);
    }

    [Fact]
    public void Speaking_time_by_group_is_the_sum_of_the_floor_times_on_record()
    {
        object[] events =
        [
            .. Live,
            new FloorGiven(S, Gov.MemberId, Admin.AccountId, Now), new FloorYielded(S, Gov.MemberId, 95, Now.AddSeconds(95)),
            new FloorGiven(S, Cso.MemberId, Admin.AccountId, Now.AddSeconds(95)), new FloorYielded(S, Cso.MemberId, 40, Now.AddSeconds(135)),
            new FloorGiven(S, GovChair.MemberId, Admin.AccountId, Now.AddSeconds(135)), new FloorYielded(S, GovChair.MemberId, 25, Now.AddSeconds(160)),
        ];
        var board = SessionBoard.Replay(events.Select((e, i) => ((long)i + 1, e)))!;
        board.SpeakingSeconds[StakeholderGroup.Government].ShouldBe(120);
        board.SpeakingSeconds[StakeholderGroup.CivilSociety].ShouldBe(40);
        board.SpeakingSeconds.GetValueOrDefault(StakeholderGroup.Other).ShouldBe(0);
    }
}
