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
    /// <summary>
    /// Durable retries of a failed mail (the message waits in the database, no worker is held), comma-separated
    /// TimeSpans; then the dead-letter queue.
    /// </summary>
    public string RetrySchedule { get; set; } = "00:00:10,00:01:00,00:05:00,00:15:00,01:00:00,04:00:00";
    /// <summary>How many mails are sent at once: a slow server delays each mail, not the round.</summary>
    public int ParallelSends { get; set; } = 8;
}

/// <summary>The back-off for mail, read once at start: how many attempts make the last one.</summary>
public sealed record MailRetry(TimeSpan[] Schedule)
{
    public int Attempts => 1 + Schedule.Length;

    public static MailRetry From(InvitationOptions o) => new(o.RetrySchedule
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => TimeSpan.Parse(x, CultureInfo.InvariantCulture)).ToArray());
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
        var options = section.Get<InvitationOptions>() ?? new InvitationOptions();
        var retry = MailRetry.From(options);
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
            // Mail has its own queue, so sign-in links and invitations never wait behind other work, nor it behind them.
            opts.LocalQueue(MailQueue).MaximumParallelMessages(options.ParallelSends);
            opts.PublishMessage<SendInvitationMail>().ToLocalQueue(MailQueue);
            // SMTP has bad minutes: a failed mail goes back to the database to wait out a growing gap (never a pause that
            // holds a worker while the rest of the round waits), then to the dead-letter queue; each failure is recorded
            // on the MailDelivery for the secretariat (ADR 0009, 0014).
            IFailureActions next = opts.Policies.OnException<MailDeliveryException>();
            if (retry.Schedule.Length > 0) next = next.ScheduleRetry(retry.Schedule).Then;
            next.MoveToErrorQueue();
        });
    }

    public const string MailQueue = "mail";
}
