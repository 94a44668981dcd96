using System.Security.Cryptography;
using System.Text;
using Forum.Domain.Invitations;

namespace Forum.Host.Invitations;

public enum ReminderKind { DayBefore, HourBefore }

/// <summary>Published when invitations commit: one mail each, and the session's reminders if none are planned yet.</summary>
public sealed record InvitationsIssued(Guid SessionId, IReadOnlyList<Guid> InvitationIds);

/// <summary>
/// Scheduled for <see cref="StartsAt"/> minus 24 h or 1 h. It carries the start it was planned for: after a reschedule
/// it no longer matches the session and does nothing (the reschedule planned new ones), as it does after a cancel.
/// </summary>
public sealed record SendReminders(Guid SessionId, ReminderKind Kind, DateTimeOffset StartsAt);

/// <summary>
/// One mail to one invitee for one change of the session. <see cref="DeliveryId"/> names it: the invitation and the
/// session's SEQUENCE for invitations, updates and cancellations (an invitation and an update of the same sequence are
/// the same mail), the planned start for reminders, and the resend count for a resend. At most one mail is sent per id.
/// </summary>
public sealed record SendInvitationMail(Guid SessionId, Guid InvitationId, InvitationMailKind Kind, int Sequence, DateTimeOffset StartsAt, int Resend = 0)
{
    public string DeliveryId => Kind switch
    {
        InvitationMailKind.Invitation or InvitationMailKind.Update => $"{InvitationId:N}/request/{Sequence}",
        InvitationMailKind.Cancellation => $"{InvitationId:N}/cancel/{Sequence}",
        InvitationMailKind.DayReminder => $"{InvitationId:N}/reminder-24h/{StartsAt.UtcDateTime:yyyyMMddTHHmmssZ}",
        _ => $"{InvitationId:N}/reminder-1h/{StartsAt.UtcDateTime:yyyyMMddTHHmmssZ}",
    } + (Resend > 0 ? $"/resend-{Resend}" : "");

    public bool IsReminder => Kind is InvitationMailKind.DayReminder or InvitationMailKind.HourReminder;

    /// <summary>The same id for the same delivery, so a receiving server or client can tell a repeat.</summary>
    public string MessageId(string host) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DeliveryId)))[..32]}@{host}";
}
