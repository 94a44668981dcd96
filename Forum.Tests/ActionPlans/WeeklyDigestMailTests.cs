using System.Text;
using System.Text.RegularExpressions;
using Forum.Host.Identity.Preferences;
using Forum.Tests.Support;
using MimeKit;
using Wolverine.Tracking;

namespace Forum.Tests.ActionPlans;

[Collection(ApiCollection.Name)]
public partial class WeeklyDigestMailTests(ApiFixture fixture) : ActionPlanContext(fixture)
{
    [Fact]
    public async Task The_weekly_mail_tells_a_member_what_changed_in_their_language_skips_a_quiet_week_and_its_link_turns_it_off()
    {
        var w = await World();
        var on = await Tracked(() => Send(w.Cso.Token, s => s.Put.Json(new { digest = "Weekly", language = "uk" }).ToUrl("/api/me/preferences"), 200));

        // A quiet week: no mail, and the next week is planned all the same.
        var quiet = await on.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(20));
        quiet.Executed.MessagesOf<SendWeeklyDigest>().ShouldBeEmpty();
        quiet.Scheduled.SingleMessage<WeeklyDigestDue>();
        Mails().ShouldBeEmpty();

        await PostJson(w.Cso.Token, w.Plan("/proposals"), new { title = "Publish owners", problem = "P", solution = "S" });
        var (commitment, _, _) = await AdoptedCommitment(w);
        await PostJson(w.Reporter.Token, $"/api/commitments/{commitment}/progress", new { completion = "Substantial", note = "Register online" });

        var week = await quiet.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(20));
        week.Scheduled.SingleMessage<WeeklyDigestDue>();
        var mail = Mails().ShouldHaveSingleItem();
        mail.To.Mailboxes.Single().Address.ShouldBe("ion@cso.test");
        mail.Subject.ShouldStartWith("Що змінилося у ваших форумах від ");
        var text = TextOf(mail);
        text.ShouldContain("Нові пропозиції: 1");
        text.ShouldContain("Звіти про виконання: 1");
        text.ShouldContain("[Нові пропозиції] Publish owners");
        text.ShouldContain("[Ухвалені зобов’язання] Зобов’язання 1: Open beneficial ownership");
        text.ShouldContain("[Звіти про виконання] Зобов’язання 1: Open beneficial ownership: Суттєве (Ani Petrosyan)");
        text.ShouldContain($"http://forum.test/commitments/{commitment}");
        HtmlOf(mail).ShouldContain("Publish owners");
        var off = OffLink().Match(text).Groups[1].Value;
        mail.Headers["List-Unsubscribe"].ShouldBe($"<http://forum.test/api/digest/off/{off}>");
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");

        // Opening the link shows a page and changes nothing; its button (or a mail client's one click) turns the digest off.
        var page = await Send(null, s => s.Get.Url($"/digest/off/{off}"), 200);
        page.Context.Response.ContentType!.ShouldStartWith("text/html");
        (await GetJson(null, $"/api/digest/off/{off}")).GetProperty("digest").GetString().ShouldBe("Weekly");
        var turnedOff = await Send(null, s => s.Post.Url($"/api/digest/off/{off}"), 200);
        turnedOff.Context.Response.Headers.SetCookie.ShouldBeEmpty();
        (await GetJson(w.Cso.Token, "/api/me/preferences")).GetProperty("digest").GetString().ShouldBe("Off");
        ShouldBeProblem(await PostJson(null, "/api/digest/off/not-a-link", new { }, 400), 400, "digest-link-invalid", "token");

        // The week after: more changes, but the digest is off, so no mail and no further run.
        await PostJson(w.Cso.Token, w.Plan("/proposals"), new { title = "Open budgets", problem = "P", solution = "S" });
        var after = await week.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(20));
        after.Scheduled.MessagesOf<WeeklyDigestDue>().ShouldBeEmpty();
        Mails().Count.ShouldBe(1);
    }

    private List<MimeMessage> Mails() =>
        Fixture.Smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    private static string TextOf(MimeMessage m) => m.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/plain").Text;
    private static string HtmlOf(MimeMessage m) => m.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/html").Text;

    [GeneratedRegex(@"http://forum\.test/digest/off/(\S+)")]
    private static partial Regex OffLink();
}
