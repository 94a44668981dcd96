using System.Globalization;
using Forum.Domain.Invitations;
using System.Text;
using Forum.Host.Localisation;
using Forum.Host.Mail;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace Forum.Host.Invitations;

/// <summary>
/// Composes an invitee's mail: text and HTML from the Scriban templates in the invitee's language (their account's
/// choice, else the session's), and for
/// invitations, updates and cancellations an iCalendar (METHOD:REQUEST or CANCEL) both inline (text/calendar, which
/// mail clients turn into accept/decline buttons) and as an .ics attachment.
/// </summary>
public sealed class InvitationMailer(IOptions<ForumOptions> forumOptions, IOptions<SmtpOptions> smtpOptions, IOptions<InvitationOptions> options)
{
    public string Host => new Uri(forumOptions.Value.PublicUrl).Host;

    public MimeMessage Compose(SendInvitationMail m, SessionState s, ForumState? forum, InvitationState invitee, string? rsvpToken, string? cancelReason,
        DateTimeOffset now, string? language = null)
    {
        var o = forumOptions.Value;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(SessionTimeZone.For(forum?.Country, options.Value.DefaultTimeZone)) ?? DateTimeZone.Utc;
        var wording = Strings.For(language ?? s.Language);
        var starts = Instant.FromDateTimeOffset(s.StartsAt).InZone(zone).LocalDateTime.ToDateTimeUnspecified();
        var ends = Instant.FromDateTimeOffset(s.EndsAt).InZone(zone).LocalDateTime.ToDateTimeUnspecified();
        string? Rsvp(RsvpAnswer a) => rsvpToken is null ? null : o.Link($"/rsvp/{rsvpToken}?answer={a}");

        var model = new Dictionary<string, object?>
        {
            ["kind"] = m.Kind switch
            {
                InvitationMailKind.Update => "update",
                InvitationMailKind.Cancellation => "cancellation",
                _ => "invitation",
            },
            ["hours"] = m.Kind == InvitationMailKind.HourReminder ? 1 : 24,
            ["forum"] = forum?.Name ?? "",
            ["title"] = s.Title,
            ["name"] = invitee.Name,
            ["date"] = wording.Date(starts),
            ["start_time"] = wording.Time(starts),
            ["end_time"] = ends.Date == starts.Date ? wording.Time(ends) : $"{wording.Date(ends)}, {wording.Time(ends)}",
            ["time_zone"] = zone.Id,
            ["mode"] = s.Mode.ToString(),
            ["venue"] = s.Venue,
            ["online_url"] = s.OnlineUrl,
            ["guest"] = invitee.Guest,
            ["answer"] = invitee.Answer?.ToString() ?? "",
            ["cancel_reason"] = cancelReason ?? "",
            ["agenda"] = s.Agenda.Where(i => i.Status != ItemStatus.Withdrawn).Select(i => (object?)i.Title).ToList(),
            ["links"] = new Dictionary<string, object?>
            {
                ["in_room"] = InvitationRules.AnswersFor(s.Mode).Contains(RsvpAnswer.InRoom) ? Rsvp(RsvpAnswer.InRoom) : null,
                ["online"] = InvitationRules.AnswersFor(s.Mode).Contains(RsvpAnswer.Online) ? Rsvp(RsvpAnswer.Online) : null,
                ["decline"] = Rsvp(RsvpAnswer.Decline),
                ["session"] = o.Link($"/sessions/{s.Id}"),
            },
        };
        var parts = MailTemplates.RenderParts(m.IsReminder ? "reminder" : "invitation", wording.Code, model);

        var message = new MimeMessage { Subject = parts.Subject, MessageId = m.MessageId(Host) };
        message.To.Add(new MailboxAddress(invitee.Name, invitee.Email));
        var alternative = new MultipartAlternative { Text("plain", parts.Text), Text("html", parts.Html) };
        if (m.IsReminder)
        {
            message.Body = alternative;
            return message;
        }
        var cancel = m.Kind == InvitationMailKind.Cancellation;
        var ics = Calendar(s, forum, invitee, zone, cancel, now, wording);
        var inline = Text("calendar", ics);
        inline.ContentType.Parameters.Add("method", cancel ? "CANCEL" : "REQUEST");
        alternative.Add(inline);
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = cancel ? "cancel.ics" : "invite.ics",
        };
        message.Body = new Multipart("mixed") { alternative, attachment };
        return message;
    }

    /// <summary>
    /// The session is one event (RFC 5546: one UID per event, whoever it is sent to), so every invitee's calendar,
    /// and a calendar shared by two invitees, holds it once; SEQUENCE is the session's (raised by each reschedule and the
    /// cancel), times carry the zone with its VTIMEZONE. Each copy names only its own attendee. The personal RSVP links
    /// stay in the mail's text, out of the calendar: calendars are shared and synced.
    /// </summary>
    public string Calendar(SessionState s, ForumState? forum, InvitationState invitee, DateTimeZone zone, bool cancel, DateTimeOffset now, Wording wording)
    {
        var o = forumOptions.Value;
        var organizer = MailboxAddress.Parse(smtpOptions.Value.From);
        var calendar = new Ical.Net.Calendar { Method = cancel ? "CANCEL" : "REQUEST", ProductId = "-//Forum//Invitations//EN" };
        var utc = zone == DateTimeZone.Utc;
        if (!utc) calendar.AddTimeZone(zone.Id);
        CalDateTime At(DateTimeOffset t) => utc
            ? new CalDateTime(t.UtcDateTime, "UTC", true)
            : new CalDateTime(Instant.FromDateTimeOffset(t).InZone(zone).LocalDateTime.ToDateTimeUnspecified(), zone.Id, true);
        var sessionUrl = o.Link($"/sessions/{s.Id}");
        var description = new StringBuilder();
        if (forum is not null) description.AppendLine(forum.Name);
        if (s.OnlineUrl.Length > 0) description.AppendLine($"{wording.T("mail.online")}: {s.OnlineUrl}");
        foreach (var item in s.Agenda.Where(i => i.Status != ItemStatus.Withdrawn)) description.AppendLine($"- {item.Title}");
        description.Append(sessionUrl);

        var e = new CalendarEvent
        {
            Uid = $"session-{s.Id:N}@{Host}",
            Sequence = s.Sequence,
            Summary = s.Title,
            DtStart = At(s.StartsAt),
            DtEnd = At(s.EndsAt),
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC", true),
            Location = s.Venue.Length > 0 ? s.Venue : s.OnlineUrl,
            Url = new Uri(s.OnlineUrl.Length > 0 ? s.OnlineUrl : sessionUrl),
            Description = description.ToString(),
            Status = cancel ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{organizer.Address}") { CommonName = forum?.Name ?? organizer.Name },
        };
        e.Attendees.Add(new Ical.Net.DataTypes.Attendee($"mailto:{invitee.Email}")
        {
            CommonName = invitee.Name,
            Role = invitee.MemberId is { } id && forum?.IsCoChair(id) == true ? "CHAIR"
                : invitee.Role == MemberRole.Member && !invitee.Guest ? "REQ-PARTICIPANT" : "OPT-PARTICIPANT",
            ParticipationStatus = invitee.Answer switch
            {
                null => "NEEDS-ACTION",
                RsvpAnswer.Decline => "DECLINED",
                _ => "ACCEPTED",
            },
            Rsvp = !cancel,
        });
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static TextPart Text(string subtype, string text)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, text);
        return part;
    }
}
