using Forum.Host.Invitations;

namespace Forum.Tests.Invitations;

[Collection(InvitationsCollection.Name)]
public class InvitationMailTests(InvitationsFixture fixture) : InvitationContext(fixture)
{
    [Fact]
    public async Task Inviting_all_members_and_a_guest_sends_each_one_mail_with_text_html_and_a_calendar()
    {
        var (w, starts) = await ScheduledWorld();
        var (answer, _) = await Invite(w, new { all = true, guests = new[] { new { name = "Dr. <b>Guest</b> & Co", email = "Guest@Uni.test" } } });

        answer.GetProperty("invited").GetArrayLength().ShouldBe(7);
        var everyone = new[] { w.GovChair, w.CsoChair, w.Gov, w.Cso, w.Other, w.Observer }.Select(p => p.Email).Append("guest@uni.test").ToList();
        Mails().Select(m => m.To.Mailboxes.Single().Address).ShouldBe(everyone, ignoreOrder: true);

        var mail = MailsTo(w.Gov.Email).Single();
        mail.Subject.ShouldStartWith("Invitation: Spring plenary");
        mail.To.Mailboxes.Single().Name.ShouldBe("Ani Petrosyan");
        TextOf(mail).ShouldContain("Chișinău, State Chancellery");
        TextOf(mail).ShouldContain("https://meet.example.org/plenary");
        TextOf(mail).ShouldContain("Commitment 3: beneficial ownership register");
        RsvpLinks(mail).Keys.ShouldBe(["InRoom", "Online", "Decline"], ignoreOrder: true);
        HtmlOf(mail).ShouldContain("href=\"http://forum.test/rsvp/");
        mail.BodyParts.OfType<MimeKit.TextPart>().ShouldContain(p => p.ContentType.MimeType == "text/calendar" && p.ContentType.Parameters["method"] == "REQUEST");

        var calendar = CalendarOf(mail);
        calendar.Method.ShouldBe("REQUEST");
        var e = calendar.Events.Single();
        // One UID per session (RFC 5546), whoever the copy is for; each copy carries that invitee's own RSVP links in its text.
        e.Uid.ShouldBe($"session-{w.SessionId:N}@forum.test");
        Mails().Select(m => CalendarOf(m).Events.Single().Uid).Distinct().ShouldBe([e.Uid]);
        Mails().SelectMany(m => RsvpLinks(m).Values).Distinct().Count().ShouldBe(7);
        e.Sequence.ShouldBe(1); // the session was rescheduled once before the invitations went out
        e.Summary.ShouldBe("Spring plenary");
        e.DtStart!.TzId.ShouldBe("Europe/Chisinau");
        e.DtStart.AsUtc.ShouldBe(starts.UtcDateTime);
        e.DtEnd!.AsUtc.ShouldBe(starts.AddHours(3).UtcDateTime);
        calendar.TimeZones.Single().TzId.ShouldBe("Europe/Chisinau");
        e.Location.ShouldBe("Chișinău, State Chancellery");
        e.Url!.ToString().ShouldBe("https://meet.example.org/plenary");
        e.Organizer!.Value!.ToString().ShouldBe("mailto:forum@forum.test");
        e.Organizer.CommonName.ShouldBe("Open Government Forum");
        var attendee = e.Attendees.Single();
        attendee.Value!.ToString().ShouldBe($"mailto:{w.Gov.Email}");
        attendee.CommonName.ShouldBe("Ani Petrosyan");
        attendee.Role.ShouldBe("REQ-PARTICIPANT");
        attendee.ParticipationStatus.ShouldBe("NEEDS-ACTION");
        attendee.Rsvp.ShouldBeTrue();
        CalendarOf(MailsTo(w.GovChair.Email).Single()).Events.Single().Attendees.Single().Role.ShouldBe("CHAIR");

        // What the guest typed is escaped in HTML, kept as typed in text; the guest is an optional participant.
        var guestMail = MailsTo("guest@uni.test").Single();
        HtmlOf(guestMail).ShouldContain("Dr. &lt;b&gt;Guest&lt;/b&gt; &amp; Co");
        HtmlOf(guestMail).ShouldNotContain("<b>Guest</b>");
        TextOf(guestMail).ShouldContain("Dr. <b>Guest</b> & Co");
        TextOf(guestMail).ShouldContain("as a guest observer");
        CalendarOf(guestMail).Events.Single().Attendees.Single().Role.ShouldBe("OPT-PARTICIPANT");

        var list = await GetJson(w.Secretariat, w.Url("/invitations"));
        list.GetProperty("invitations").GetArrayLength().ShouldBe(7);
        foreach (var i in list.GetProperty("invitations").EnumerateArray())
        {
            i.GetProperty("delivery").GetProperty("status").GetString().ShouldBe("Sent");
            i.GetProperty("delivery").GetProperty("attempts").GetInt32().ShouldBe(1);
        }

        // Inviting the same people again invites nobody twice and sends nothing.
        var (again, _) = await Invite(w, new { memberIds = new[] { w.Gov.MemberId }, guests = new[] { new { name = "Guest", email = "guest@uni.test" } } }, 200);
        again.GetProperty("invited").GetArrayLength().ShouldBe(0);
        again.GetProperty("invitationIds").GetArrayLength().ShouldBe(2);
        Mails().Count.ShouldBe(7);
    }

    [Theory]
    [InlineData("uk", "Запрошення: Весняне засідання", "Запрошуємо вас", "Не зможу")]
    [InlineData("ru", "Приглашение: Весняне засідання", "Приглашаем вас", "Не смогу")]
    public async Task The_mail_is_in_the_sessions_language(string language, string subject, string greeting, string decline)
    {
        var w = await World();
        var starts = FourDaysAhead();
        var sessionId = (await PostJson(w.Secretariat, $"/api/forums/{w.ForumId}/sessions", new
        {
            title = "Весняне засідання", startsAt = starts, endsAt = starts.AddHours(2), mode = "InPerson", venue = "Київ", language,
        })).GetProperty("sessionId").GetGuid();
        await Tracked(() => PostJson(w.Secretariat, $"/api/sessions/{sessionId}/invitations", new { memberIds = new[] { w.Cso.MemberId } }));

        var mail = MailsTo(w.Cso.Email).Single();
        mail.Subject.ShouldStartWith(subject);
        TextOf(mail).ShouldContain(greeting);
        TextOf(mail).ShouldContain(decline);
        HtmlOf(mail).ShouldContain(greeting);
        // In person: no online answer offered.
        RsvpLinks(mail).Keys.ShouldBe(["InRoom", "Decline"], ignoreOrder: true);
        CalendarOf(mail).Events.Single().Summary.ShouldBe("Весняне засідання");
        CalendarOf(mail).Events.Single().Location.ShouldBe("Київ");
    }
}
