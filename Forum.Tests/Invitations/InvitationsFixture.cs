using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Forum.Host.Invitations;
using Forum.Tests.Sessions;
using Forum.Tests.Support;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Wolverine;

namespace Forum.Tests.Invitations;

/// <summary>
/// Its own host: mail back-off (durable, scheduled retries) shortened to milliseconds and the scheduled-retry poll to 100 ms, so an SMTP outage
/// plays out in about a second; and its own SMTP server, which these tests stop and start.
/// </summary>
public sealed class InvitationsFixture : AppFixture
{
    public DeliverySignals Deliveries { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Invitations:RetrySchedule", "00:00:00.200,00:00:01,00:00:01");
        builder.ConfigureServices(s =>
        {
            s.ConfigureMarten(o => o.Listeners.Add(Deliveries));
            s.ConfigureWolverine(o => o.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(100));
        });
    }
}

[CollectionDefinition(Name)]
public class InvitationsCollection : ICollectionFixture<InvitationsFixture>
{
    public const string Name = "invitations";
}

/// <summary>Completes when a MailDelivery matching a condition commits: delivery happens after the request, so tests await it instead of polling.</summary>
public sealed class DeliverySignals : DocumentSessionListenerBase
{
    private readonly ConcurrentDictionary<TaskCompletionSource<MailDelivery>, Func<MailDelivery, bool>> _waiting = new();

    public Task<MailDelivery> Next(Func<MailDelivery, bool> condition)
    {
        var done = new TaskCompletionSource<MailDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[done] = condition;
        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private readonly ConcurrentDictionary<TaskCompletionSource, (int Count, Func<MailDelivery, bool> Condition, ConcurrentDictionary<string, bool> Seen)> _counting = new();

    /// <summary>Completes once <paramref name="count"/> different deliveries have matched the condition.</summary>
    public Task Distinct(int count, Func<MailDelivery, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _counting[done] = (count, condition, new ConcurrentDictionary<string, bool>());
        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var delivery in commit.Inserted.Concat(commit.Updated).OfType<MailDelivery>())
        {
            foreach (var (waiter, condition) in _waiting)
                if (condition(delivery) && _waiting.TryRemove(waiter, out _)) waiter.TrySetResult(delivery);
            foreach (var (waiter, (count, condition, seen)) in _counting)
                if (condition(delivery) && seen.TryAdd(delivery.Id, true) && seen.Count >= count && _counting.TryRemove(waiter, out _)) waiter.TrySetResult();
        }
        return Task.CompletedTask;
    }
}

public abstract partial class InvitationContext(InvitationsFixture fixture) : SessionContext(fixture)
{
    protected new InvitationsFixture Fixture => fixture;

    [GeneratedRegex(@"http://forum\.test/rsvp/([A-Za-z0-9_\-]+)\?answer=(InRoom|Online|Decline)")]
    private static partial Regex RsvpPattern();

    /// <summary>A session start on a whole hour four days ahead, so both reminders lie in the future.</summary>
    protected static DateTimeOffset FourDaysAhead() => new(DateTime.UtcNow.Date.AddDays(4).AddHours(9), TimeSpan.Zero);

    protected async Task<(SessionWorld World, DateTimeOffset StartsAt)> ScheduledWorld()
    {
        var w = await World();
        var starts = FourDaysAhead();
        await Tracked(() => PostJsonPut(w.Secretariat, w.Url("/schedule"), new { startsAt = starts, endsAt = starts.AddHours(3) }));
        return (w, starts);
    }

    protected async Task PostJsonPut(string token, string url, object body, int status = 200) =>
        await Send(token, s => s.Put.Json(body).ToUrl(url), status);

    protected async Task<(System.Text.Json.JsonElement Answer, Wolverine.Tracking.ITrackedSession Tracked)> Invite(SessionWorld w, object body, int status = 201)
    {
        System.Text.Json.JsonElement answer = default;
        var tracked = await Tracked(async () => answer = await PostJson(w.Secretariat, w.Url("/invitations"), body, status));
        return (answer, tracked);
    }

    /// <summary>Every mail the SMTP server received, parsed back with MimeKit.</summary>
    protected List<MimeMessage> Mails() =>
        Fixture.Smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    protected List<MimeMessage> MailsTo(string email) => Mails().Where(m => m.To.Mailboxes.Any(x => x.Address == email)).ToList();

    protected static string TextOf(MimeMessage m) => m.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/plain").Text;
    protected static string HtmlOf(MimeMessage m) => m.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/html").Text;

    protected static Ical.Net.Calendar CalendarOf(MimeMessage m)
    {
        var attachment = m.Attachments.OfType<MimePart>().Single(a => a.FileName?.EndsWith(".ics") == true);
        using var stream = new MemoryStream();
        attachment.Content!.DecodeTo(stream);
        return Ical.Net.Calendar.Load(Encoding.UTF8.GetString(stream.ToArray()))!;
    }

    protected static Dictionary<string, string> RsvpLinks(MimeMessage m) =>
        RsvpPattern().Matches(TextOf(m)).ToDictionary(x => x.Groups[2].Value, x => x.Groups[1].Value);

    /// <summary>Answers as the personal link's page does: the button posts the answer; nobody is signed in by it.</summary>
    protected async Task<System.Text.Json.JsonElement> Rsvp(string token, string answer)
    {
        var result = await Send(null, s => s.Post.Json(new { answer }).ToUrl($"/api/rsvp/{token}"), 200);
        result.Context.Response.Headers.SetCookie.ShouldBeEmpty();
        return await ReadJson(result);
    }

    protected async Task<System.Text.Json.JsonElement> InvitationOf(SessionWorld w, string email) =>
        (await GetJson(w.Secretariat, w.Url("/invitations"))).GetProperty("invitations").EnumerateArray().Single(i => i.GetProperty("email").GetString() == email);

    protected Task<Wolverine.Tracking.ITrackedSession> Replay(Wolverine.Tracking.ITrackedSession tracked) =>
        tracked.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(20));
}
