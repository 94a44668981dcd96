using Forum.Domain.Invitations;
namespace Forum.Host.Invitations;

/// <summary>Pending: not tried yet. Retrying: failed, another attempt is planned. Failed: gave up (dead letter); resend.
/// Unconfirmed: the host stopped while sending, so the mail may or may not have gone (ADR 0009).</summary>
public enum DeliveryStatus { Pending, Sending, Sent, Retrying, Failed, Unconfirmed }

/// <summary>What became of one mail (<see cref="SendInvitationMail.DeliveryId"/>). Written before and after the SMTP call.</summary>
public sealed class MailDelivery
{
    public string Id { get; set; } = "";
    public Guid SessionId { get; set; }
    public Guid InvitationId { get; set; }
    public InvitationMailKind Kind { get; set; }
    public int Sequence { get; set; }
    public int Resend { get; set; }
    public string Email { get; set; } = "";
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>
/// A personal RSVP link, stored by the SHA-256 of its token only. Each mail carries a fresh one (the secret never sits
/// in a message or the outbox); every link of an invitation answers it, again and again, until the session starts.
/// </summary>
public sealed class RsvpLink
{
    public string Id { get; set; } = "";
    public Guid SessionId { get; set; }
    public Guid InvitationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The start the session's reminders were last scheduled for: a reschedule to another time plans new ones.</summary>
public sealed class ReminderPlan
{
    public Guid Id { get; set; }
    public DateTimeOffset StartsAt { get; set; }
}
