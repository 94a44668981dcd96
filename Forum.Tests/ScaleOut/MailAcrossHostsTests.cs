using System.Text;
using Forum.Tests.Support;
using MimeKit;

namespace Forum.Tests.ScaleOut;

/// <summary>Mail is durable work in the shared inbox: each piece is done by one host, once, whichever host started it.</summary>
[Collection(TwoHostsCollection.Name)]
public class MailAcrossHostsTests(TwoHostsFixture fixture) : TwoHostsContext(fixture)
{
    [Fact]
    public async Task Invitations_their_update_and_a_reminder_that_comes_due_are_each_mailed_once_not_once_per_host()
    {
        var room = await NewRoom(Fixture.Through(A), members: 5, open: false);
        await Fixture.Through(B).Post(room.Secretariat, room.Url("/invitations"), new { all = true }, 201);
        // Once the invitations are out (a change before then is mailed as the invitation itself, ADR 0009).
        await Poll.Until(() => Task.FromResult(room.Members.All(m => Subjects(m.Email).Count > 0)), TimeSpan.FromSeconds(30), () => "no invitation mails");

        // Moved to start in an hour and ten seconds: everyone gets the update, and the hour-before reminder comes due
        // ten seconds from now, while both hosts poll for due messages (the day-before one is past and not planned).
        var starts = DateTimeOffset.UtcNow.AddHours(1).AddSeconds(10);
        await Fixture.Through(A).Send(HttpMethod.Put, room.Secretariat, room.Url("/schedule"), new { startsAt = starts, endsAt = starts.AddHours(2) }, 200);

        await NothingLeftToMail(room, () => room.Members.All(m => Subjects(m.Email).Any(s => s.StartsWith("Reminder:"))));
        foreach (var m in room.Members)
        {
            var subjects = Subjects(m.Email);
            subjects.Count(s => s.StartsWith("Invitation:")).ShouldBe(1, m.Email);
            subjects.Count(s => s.StartsWith("Updated:")).ShouldBe(1, m.Email);
            subjects.Count(s => s.StartsWith("Reminder:")).ShouldBe(1, m.Email);
        }
    }

    private List<string> Subjects(string email) =>
        Fixture.Smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .Where(m => m.To.Mailboxes.Any(x => x.Address == email)).Select(m => m.Subject ?? "").ToList();

    /// <summary>
    /// Until the mails are in and no host has invitation work for the session waiting in the inbox, now or due soon:
    /// after that, a second copy of any mail would already have arrived.
    /// </summary>
    private Task NothingLeftToMail(Room room, Func<bool> arrived) =>
        Poll.Until(async () => arrived() && (await Fixture.Query(
            "select count(*) from {schema}.wolverine_incoming_envelopes where message_type like 'Forum.Host.Invitations.%' and " +
            $"position(convert_to('{room.SessionId}', 'UTF8') in body) > 0 and " +
            // Reminders planned for the session's first start are hours away (and will find it moved): not waited for.
            "(status = 'Incoming' or (status = 'Scheduled' and execution_time < now() + interval '1 minute'))", r => r.GetInt64(0)))[0] == 0,
            TimeSpan.FromSeconds(30), () => $"{Fixture.Smtp.ReceivedEmail.Length} mails arrived; invitation work for the session still waits in the inbox");
}
