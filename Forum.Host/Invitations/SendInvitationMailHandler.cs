using Forum.Domain.Invitations;
using Forum.Host.Identity;
using Forum.Host.Mail;
using Forum.Projections.Sessions;
using JasperFx;
using Marten.Exceptions;

namespace Forum.Host.Invitations;

/// <summary>
/// Sends one mail at most once per <see cref="SendInvitationMail.DeliveryId"/>: mark Sending (committed), send, mark
/// Sent. A run that finds Sent has nothing to do; one that finds Sending comes after a host died mid-send, cannot know
/// whether the SMTP server took the mail, and marks it Unconfirmed instead of sending again (ADR 0009). A failed send
/// is recorded (Retrying, or Failed on the last attempt) and rethrown for Wolverine's back-off and dead-letter queue.
/// </summary>
public static class SendInvitationMailHandler
{
    public static async Task Handle(SendInvitationMail m, Envelope envelope, IDocumentStore store, IMailSender mail, InvitationMailer mailer,
        MailRetry retry, TimeProvider clock, ILogger<SendInvitationMail> log, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var delivery = await session.LoadAsync<MailDelivery>(m.DeliveryId, ct);
        switch (delivery?.Status)
        {
            case DeliveryStatus.Sent or DeliveryStatus.Unconfirmed:
                return;
            case DeliveryStatus.Sending:
                delivery.Status = DeliveryStatus.Unconfirmed;
                delivery.LastError = "The host stopped while this mail was being sent; it may have been delivered. Resend if the invitee did not get it.";
                delivery.UpdatedAt = clock.GetUtcNow();
                session.Store(delivery);
                await Save(session, ct);
                log.LogWarning("Mail {DeliveryId} was being sent when the host stopped; marked Unconfirmed, not sent again", m.DeliveryId);
                return;
        }

        var s = await session.LoadAsync<SessionState>(m.SessionId, ct);
        if (s is null || !s.Invitations.TryGetValue(m.InvitationId, out var invitee) || !InvitationRules.MailStillWanted(s, invitee, m.Kind, m.Sequence, m.StartsAt)) return;
        var forum = await session.LoadAsync<ForumState>(s.ForumId, ct);
        var now = clock.GetUtcNow();

        if (delivery is null)
        {
            delivery = new MailDelivery
            {
                Id = m.DeliveryId, SessionId = m.SessionId, InvitationId = m.InvitationId, Kind = m.Kind, Sequence = m.Sequence, Resend = m.Resend,
                Email = invitee.Email, CreatedAt = now,
            };
            session.Insert(delivery);
        }
        else session.Store(delivery);
        delivery.Status = DeliveryStatus.Sending;
        delivery.Attempts++;
        delivery.UpdatedAt = now;
        // A fresh personal link per mail, stored hashed with the Sending mark: the secret exists only in the mail itself.
        string? token = null;
        if (m.Kind != InvitationMailKind.Cancellation)
        {
            token = Secrets.NewToken("");
            session.Store(new RsvpLink { Id = Secrets.Hash(token), SessionId = s.Id, InvitationId = invitee.InvitationId, CreatedAt = now });
        }
        // Another run holds this delivery (a duplicate message racing this one): it sends, this one stops.
        if (!await Save(session, ct)) return;

        var cancelReason = m.Kind == InvitationMailKind.Cancellation ? (await session.LoadAsync<SessionBoard>(s.Id, ct))?.CancelReason : null;
        // In the invitee's own language when they chose one, else the session's.
        var language = (await session.FindByEmail(invitee.Email, ct))?.Language;
        var message = mailer.Compose(m, s, forum, invitee, token, cancelReason, now, language);
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (Exception e) when (MailDeliveryException.IsSmtpFailure(e))
        {
            delivery.Status = envelope.Attempts >= retry.Attempts ? DeliveryStatus.Failed : DeliveryStatus.Retrying;
            delivery.LastError = $"{e.GetType().Name}: {e.Message}";
            delivery.UpdatedAt = clock.GetUtcNow();
            session.Store(delivery);
            await Save(session, CancellationToken.None);
            throw new MailDeliveryException(m.DeliveryId, e);
        }

        delivery.Status = DeliveryStatus.Sent;
        delivery.SentAt = clock.GetUtcNow();
        delivery.UpdatedAt = delivery.SentAt.Value;
        delivery.LastError = null;
        session.Store(delivery);
        await Save(session, CancellationToken.None);
    }

    private static async Task<bool> Save(IDocumentSession session, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException)
        {
            return false;
        }
    }
}
