using Forum.Domain.Invitations;
using Forum.Domain.Sessions;
using Forum.Host.Invitations;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Tracking;

namespace Forum.Tests.Invitations;

[Collection(InvitationsCollection.Name)]
public class DeliveryTests(InvitationsFixture fixture) : InvitationContext(fixture)
{
    private static readonly object Guest = new { guests = new[] { new { name = "Guest Expert", email = "guest@uni.test" } } };

    [Fact]
    public async Task An_smtp_outage_delays_the_mail_and_the_retry_after_the_server_is_back_delivers_exactly_one()
    {
        var (w, _) = await ScheduledWorld();
        var failed = Fixture.Deliveries.Next(d => d.Status == DeliveryStatus.Retrying);
        var sent = Fixture.Deliveries.Next(d => d.Status == DeliveryStatus.Sent);
        Fixture.StopSmtp();
        try
        {
            await PostJson(w.Secretariat, w.Url("/invitations"), Guest);
            await failed;
            var seen = (await InvitationOf(w, "guest@uni.test")).GetProperty("delivery");
            seen.GetProperty("status").GetString().ShouldBe("Retrying");
            seen.GetProperty("lastError").GetString().ShouldNotBeNullOrWhiteSpace();
        }
        finally
        {
            Fixture.StartSmtp();
        }

        var delivered = await sent;
        delivered.Attempts.ShouldBeGreaterThan(1);
        MailsTo("guest@uni.test").Count.ShouldBe(1);
        var delivery = (await InvitationOf(w, "guest@uni.test")).GetProperty("delivery");
        delivery.GetProperty("status").GetString().ShouldBe("Sent");
        delivery.GetProperty("lastError").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task In_an_smtp_outage_every_mail_of_a_round_is_tried_at_once_and_each_invitee_gets_one_when_the_server_is_back()
    {
        var (w, _) = await ScheduledWorld();
        var guests = Enumerable.Range(1, 50).Select(i => new { name = $"Guest {i}", email = $"guest{i}@uni.test" }).ToArray();
        // A failed mail waits in the database for its retry: no pause holds a sending slot while the rest of the round waits.
        var allTried = Fixture.Deliveries.Distinct(50, d => d.Status == DeliveryStatus.Retrying);
        var allSent = Fixture.Deliveries.Distinct(50, d => d.Status == DeliveryStatus.Sent);
        Fixture.StopSmtp();
        try
        {
            await PostJson(w.Secretariat, w.Url("/invitations"), new { guests });
            await allTried;
        }
        finally
        {
            Fixture.StartSmtp();
        }
        await allSent;
        foreach (var guest in guests) MailsTo(guest.email).Count.ShouldBe(1, guest.email);
    }

    [Fact]
    public async Task A_mail_that_fails_every_attempt_ends_in_the_dead_letter_queue_shows_as_failed_and_the_secretariat_resends_it()
    {
        var (w, _) = await ScheduledWorld();
        var gaveUp = Fixture.Deliveries.Next(d => d.Status == DeliveryStatus.Failed);
        Fixture.StopSmtp();
        try
        {
            // The tracked session follows the message through its scheduled retries to the dead-letter queue.
            var tracked = await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(20)).DoNotAssertOnExceptionsDetected()
                .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => PostJson(w.Secretariat, w.Url("/invitations"), Guest)));
            tracked.MovedToErrorQueue.MessagesOf<SendInvitationMail>().Count().ShouldBe(1);
            (await gaveUp).Attempts.ShouldBe(4); // once, then three scheduled retries (the fixture's back-off)
        }
        finally
        {
            Fixture.StartSmtp();
        }
        var invitation = await InvitationOf(w, "guest@uni.test");
        invitation.GetProperty("delivery").GetProperty("status").GetString().ShouldBe("Failed");
        invitation.GetProperty("delivery").GetProperty("attempts").GetInt32().ShouldBe(4);
        invitation.GetProperty("delivery").GetProperty("lastError").GetString().ShouldNotBeNullOrWhiteSpace();
        (await DeadLetters()).ShouldBe(1);

        var invitationId = invitation.GetProperty("invitationId").GetGuid();
        await Tracked(() => PostJson(w.Secretariat, w.Url($"/invitations/{invitationId}/resend"), new { }, 202));
        MailsTo("guest@uni.test").Count.ShouldBe(1);
        (await InvitationOf(w, "guest@uni.test")).GetProperty("delivery").GetProperty("status").GetString().ShouldBe("Sent");
    }

    [Fact]
    public async Task The_same_mail_handled_twice_is_sent_once_and_a_host_that_died_mid_send_does_not_send_again()
    {
        var (w, starts) = await ScheduledWorld();
        await Invite(w, Guest);
        MailsTo("guest@uni.test").Count.ShouldBe(1);
        var invitationId = Forum.Domain.Invitations.InvitationRules.InvitationIdFor(w.SessionId, "guest@uni.test");
        var again = new SendInvitationMail(w.SessionId, invitationId, InvitationMailKind.Invitation, 1, starts);

        // Handled a second time after it was recorded Sent (a redelivered message): nothing is sent.
        await Host.InvokeMessageAndWaitAsync(again);
        MailsTo("guest@uni.test").Count.ShouldBe(1);

        // A host that died after the SMTP server took the mail and before recording it leaves the delivery Sending;
        // the message comes back on restart and must not send a second mail.
        await using (var session = Store.LightweightSession())
        {
            var delivery = (await session.LoadAsync<MailDelivery>(again.DeliveryId))!;
            delivery.Status = DeliveryStatus.Sending;
            session.Store(delivery);
            await session.SaveChangesAsync();
        }
        await Host.InvokeMessageAndWaitAsync(again);
        MailsTo("guest@uni.test").Count.ShouldBe(1);
        var seen = (await InvitationOf(w, "guest@uni.test")).GetProperty("delivery");
        seen.GetProperty("status").GetString().ShouldBe("Unconfirmed");
        seen.GetProperty("lastError").GetString()!.ShouldContain("may have been delivered");
    }

    private async Task<long> DeadLetters()
    {
        await using var connection = new NpgsqlConnection(Forum.Tests.Support.AppFixture.ConnectionString);
        await connection.OpenAsync();
        var schema = Store.Options.DatabaseSchemaName;
        await using var command = new NpgsqlCommand($"select count(*) from {schema}.wolverine_dead_letters where message_type like '%SendInvitationMail%' or message_type like '%send_invitation_mail%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
