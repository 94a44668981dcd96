using Forum.Host.Invitations;
using Wolverine.Tracking;

namespace Forum.Tests.Invitations;

[Collection(InvitationsCollection.Name)]
public class ReminderTests(InvitationsFixture fixture) : InvitationContext(fixture)
{
    private static DateTimeOffset?[] ReminderTimes(ITrackedSession tracked) =>
        tracked.Scheduled.Envelopes().Where(e => e.Message is SendReminders).Select(e => e.ScheduledTime).OrderBy(t => t).ToArray();

    [Fact]
    public async Task Reminders_are_scheduled_a_day_and_an_hour_before_and_nobody_who_declined_gets_one()
    {
        var (w, starts) = await ScheduledWorld();
        var (_, invited) = await Invite(w, new { memberIds = new[] { w.Gov.MemberId, w.Cso.MemberId } });
        ReminderTimes(invited).ShouldBe([starts.AddHours(-24), starts.AddHours(-1)]);

        await Rsvp(RsvpLinks(MailsTo(w.Cso.Email).Single())["Decline"], "Decline");
        Fixture.Smtp.ClearReceivedEmail();

        await Replay(invited);
        var reminders = MailsTo(w.Gov.Email);
        reminders.Select(m => m.Subject).ShouldBe(["Reminder: Spring plenary tomorrow, 11:00", "Reminder: Spring plenary in one hour, 11:00"], ignoreOrder: true);
        TextOf(reminders[0]).ShouldContain("You have not answered yet.");
        RsvpLinks(reminders[0]).ShouldContainKey("Online");
        MailsTo(w.Cso.Email).ShouldBeEmpty();
        Mails().Count.ShouldBe(2);

        // A reminder that fires twice (a replay, a second node) still sends one mail.
        await Replay(invited);
        Mails().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Rescheduling_sends_an_updated_invitation_and_moves_the_reminders()
    {
        var (w, starts) = await ScheduledWorld();
        var (_, invited) = await Invite(w, new { memberIds = new[] { w.Gov.MemberId } });
        var first = CalendarOf(MailsTo(w.Gov.Email).Single()).Events.Single();
        Fixture.Smtp.ClearReceivedEmail();

        var later = starts.AddDays(2).AddHours(1);
        var moved = await Tracked(() => PostJsonPut(w.Secretariat, w.Url("/schedule"), new { startsAt = later, endsAt = later.AddHours(2), venue = "Bălți, City Hall" }));

        var update = MailsTo(w.Gov.Email).Single();
        update.Subject.ShouldStartWith("Updated: Spring plenary");
        TextOf(update).ShouldContain("Bălți, City Hall");
        var calendar = CalendarOf(update);
        calendar.Method.ShouldBe("REQUEST");
        var e = calendar.Events.Single();
        e.Uid.ShouldBe(first.Uid);
        e.Sequence.ShouldBe(first.Sequence + 1);
        e.DtStart!.AsUtc.ShouldBe(later.UtcDateTime);
        e.Location.ShouldBe("Bălți, City Hall");
        ReminderTimes(moved).ShouldBe([later.AddHours(-24), later.AddHours(-1)]);
        Fixture.Smtp.ClearReceivedEmail();

        await Replay(invited); // the reminders planned for the old start
        Mails().ShouldBeEmpty();
        await Replay(moved);
        MailsTo(w.Gov.Email).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_sends_a_cancellation_and_the_reminders_then_do_nothing()
    {
        var (w, _) = await ScheduledWorld();
        var (_, invited) = await Invite(w, new { memberIds = new[] { w.Gov.MemberId }, guests = new[] { new { name = "Guest", email = "guest@uni.test" } } });
        var first = CalendarOf(MailsTo("guest@uni.test").Single()).Events.Single();
        var link = RsvpLinks(MailsTo(w.Gov.Email).Single())["InRoom"];
        Fixture.Smtp.ClearReceivedEmail();

        await Tracked(() => PostJson(w.Secretariat, w.Url("/cancel"), new { reason = "The minister is abroad" }, 200));

        Mails().Count.ShouldBe(2);
        var cancellation = MailsTo("guest@uni.test").Single();
        cancellation.Subject.ShouldStartWith("Cancelled: Spring plenary");
        TextOf(cancellation).ShouldContain("The minister is abroad");
        RsvpLinks(cancellation).ShouldBeEmpty();
        cancellation.BodyParts.OfType<MimeKit.TextPart>().ShouldContain(p => p.ContentType.MimeType == "text/calendar" && p.ContentType.Parameters["method"] == "CANCEL");
        var calendar = CalendarOf(cancellation);
        calendar.Method.ShouldBe("CANCEL");
        calendar.Events.Single().Uid.ShouldBe(first.Uid);
        calendar.Events.Single().Status.ShouldBe("CANCELLED");
        calendar.Events.Single().Sequence.ShouldBe(first.Sequence + 1);
        Fixture.Smtp.ClearReceivedEmail();

        await Replay(invited);
        Mails().ShouldBeEmpty();
        ShouldBeProblem(await PostJson(null, $"/api/rsvp/{link}", new { answer = "InRoom" }, 409), 409, "session-cancelled");
        (await GetJson(w.Gov.Token, "/api/me/agenda")).GetProperty("sessions").GetArrayLength().ShouldBe(0);
        ShouldBeProblem(await PostJson(w.Secretariat, w.Url("/invitations"), new { all = true }, 409), 409, "session-not-scheduled");
    }
}
