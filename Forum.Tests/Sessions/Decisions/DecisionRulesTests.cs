using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.Positions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Domain.Sessions.Scheduling;
using Forum.Domain.Sessions.Voting;

namespace Forum.Tests.Sessions.Decisions;

/// <summary>Decisions, as Given(events).When(command).Then(events), without a database.</summary>
public class DecisionRulesTests : SessionSpecs
{
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
}
