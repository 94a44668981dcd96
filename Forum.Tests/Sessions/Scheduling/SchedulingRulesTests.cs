using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.Positions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Domain.Sessions.Scheduling;
using Forum.Domain.Sessions.Voting;
using Forum.Tests.Support;

namespace Forum.Tests.Sessions.Scheduling;

/// <summary>Setting a session up, as Given(events).When(command).Then(events), without a database.</summary>
public class SchedulingRulesTests : SessionSpecs
{
    [Fact]
    public void Given_an_open_session_When_cancelled_Then_only_scheduled_sessions_are() =>
        Given(Scheduled, Opened).When(s => SchedulingRules.Cancel(Forum, s, new CancelSession("rain"), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "session-not-scheduled");

    [Fact]
    public void Given_an_opened_item_When_amended_Then_rejected() =>
        Given(Live).When(s => SchedulingRules.AmendItem(Forum, s, new AmendAgendaItem(Item, "New", null, null, null, null), Admin, Now))
            .ThenRejected(RejectionKind.Conflict, "item-already-taken-up");
}
