using Forum.Domain.Sessions.Decisions;
using Forum.Domain.Sessions.Positions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Domain.Sessions.Scheduling;
using Forum.Domain.Sessions.Voting;

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

    [Fact]
    public void Given_a_scheduled_session_When_moved_to_a_time_gone_by_Then_rejected() =>
        Given(Scheduled).When(s => SchedulingRules.Reschedule(Forum, s, new RescheduleSession(Now.AddHours(-2), Now.AddHours(-1), null, null), Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "starts-in-past");

    [Fact]
    public void Given_a_scheduled_session_whose_start_has_passed_When_only_its_venue_changes_Then_accepted() =>
        Given(Scheduled).When(s => SchedulingRules.Reschedule(Forum, s, new RescheduleSession(null, null, "Lviv", null), Admin, Now.AddHours(2)))
            .Then(new SessionRescheduled(S, Now.AddHours(1), Now.AddHours(4), "Lviv", "https://meet.example.org/x", Admin.AccountId, Now.AddHours(2)));

    [Fact]
    public void Given_a_forum_When_a_session_is_scheduled_to_start_in_the_past_Then_rejected() =>
        new Spec<ForumState>().Given(ForumHistory)
            .When(f => SchedulingRules.Schedule(f, new ScheduleSession(S, "Plenary", Now.AddMinutes(-1), Now.AddHours(2), SessionMode.Online, null, "https://meet.example.org/x", null), Admin, Now))
            .ThenRejected(RejectionKind.Invalid, "starts-in-past");

    [Fact]
    public void Given_a_forum_When_a_session_is_scheduled_to_start_now_or_later_Then_scheduled() =>
        new Spec<ForumState>().Given(ForumHistory)
            .When(f => SchedulingRules.Schedule(f, new ScheduleSession(S, "Plenary", Now, Now.AddHours(2), SessionMode.Online, null, "https://meet.example.org/x", null), Admin, Now))
            .Then(new SessionScheduled(S, F, "Plenary", Now, Now.AddHours(2), SessionMode.Online, "", "https://meet.example.org/x", "uk", Admin.AccountId, Now));
}
