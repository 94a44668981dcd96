using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.Positions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Domain.Sessions.Scheduling;
using Forum.Domain.Sessions.Voting;

namespace Forum.Tests.Sessions;

/// <summary>What the session rules share: quorum, who may see, room displays, as Given(events).When(command).Then(events), without a database.</summary>
public class SessionRulesTests : SessionSpecs
{
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
