using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Forum.Host.Mail;

/// <summary>The <c>Smtp</c> configuration section.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Forum <forum@localhost>";
    /// <summary>A server that accepts the connection and then says nothing holds one sending slot this long (MailKit's default is 2 minutes).</summary>
    public int TimeoutSeconds { get; set; } = 20;
}

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}

public static class MailConfiguration
{
    public static void AddForumMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        // Without an SMTP host, mail is written as .eml files to be read by hand (development).
        if (string.IsNullOrWhiteSpace(builder.Configuration["Smtp:Host"]))
            builder.Services.AddSingleton<IMailSender, PickupDirectoryMailSender>();
        else
            builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
    }
}

public sealed class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse(o.From));
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        await client.ConnectAsync(o.Host!, o.Port, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

public sealed class PickupDirectoryMailSender(IOptions<SmtpOptions> smtp, IOptions<ForumOptions> forum, ILogger<PickupDirectoryMailSender> log) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        var dir = Path.Combine(forum.Value.DataDirectory, "outbox");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, ct);
        log.LogInformation("Mail to {To} written to {Path} (no SMTP host configured)", message.To.ToString(), path);
    }
}
