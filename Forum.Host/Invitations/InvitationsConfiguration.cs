using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Wolverine.ErrorHandling;

namespace Forum.Host.Invitations;

/// <summary>The <c>Invitations</c> configuration section.</summary>
public sealed class InvitationOptions
{
    /// <summary>IANA time zone of sessions whose forum's country is not one the platform knows (see <see cref="SessionTimeZone"/>).</summary>
    public string DefaultTimeZone { get; set; } = "UTC";
    /// <summary>In-process retries of a failed mail, comma-separated TimeSpans (short: they hold a worker).</summary>
    public string RetryCooldowns { get; set; } = "00:00:02,00:00:10";
    /// <summary>Then durable retries (the message waits in the database), comma-separated TimeSpans; then the dead-letter queue.</summary>
    public string RetrySchedule { get; set; } = "00:01:00,00:05:00,00:15:00,01:00:00,04:00:00";
}

/// <summary>The back-off for mail, read once at start: how many attempts make the last one.</summary>
public sealed record MailRetry(TimeSpan[] Cooldowns, TimeSpan[] Schedule)
{
    public int Attempts => 1 + Cooldowns.Length + Schedule.Length;

    public static MailRetry From(InvitationOptions o) => new(Parse(o.RetryCooldowns), Parse(o.RetrySchedule));

    private static TimeSpan[] Parse(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => TimeSpan.Parse(x, CultureInfo.InvariantCulture)).ToArray();
}

/// <summary>An SMTP failure worth retrying (connection refused or dropped, a 4xx/5xx reply, a timeout), with the original inside.</summary>
public sealed class MailDeliveryException(string deliveryId, Exception inner) : Exception($"Mail {deliveryId} was not delivered: {inner.Message}", inner)
{
    public static bool IsSmtpFailure(Exception e) =>
        e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or SslHandshakeException or IOException or SocketException or TimeoutException or OperationCanceledException;
}

public static class InvitationsConfiguration
{
    public static void AddForumInvitations(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Invitations");
        builder.Services.Configure<InvitationOptions>(section);
        var retry = MailRetry.From(section.Get<InvitationOptions>() ?? new InvitationOptions());
        builder.Services.AddSingleton(retry);
        builder.Services.AddSingleton<InvitationMailer>();

        builder.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<MailDelivery>().Index(x => x.SessionId).UseOptimisticConcurrency(true);
            opts.Schema.For<RsvpLink>();
            opts.Schema.For<ReminderPlan>();
        });

        builder.Services.ConfigureWolverine(opts =>
        {
            // SMTP has bad minutes: retry at once a few times, then durably with growing gaps, then dead-letter;
            // each failure is recorded on the MailDelivery for the secretariat (ADR 0009).
            IFailureActions next = opts.Policies.OnException<MailDeliveryException>();
            if (retry.Cooldowns.Length > 0) next = next.RetryWithCooldown(retry.Cooldowns).Then;
            if (retry.Schedule.Length > 0) next = next.ScheduleRetry(retry.Schedule).Then;
            next.MoveToErrorQueue();
        });
    }
}
