using Forum.Domain.Common;
using Forum.Host.Infrastructure;
using Forum.Host.Localisation;
using Forum.Host.Mail;
using Forum.Projections.ActionPlans;
using Forum.Projections.Forums;
using Marten;
using Microsoft.Extensions.Options;
using MimeKit;
using Wolverine.Http;

namespace Forum.Host.Identity.Preferences;

/// <summary>Sent by the weekly run once its week is gathered and committed: write and send the mail of that week.</summary>
public sealed record SendWeeklyDigest(Guid AccountId, int Round, DateTimeOffset Since, DateTimeOffset Until);

/// <summary>
/// The personal link that turns the weekly digest off, stored by the SHA-256 of its token only; each mail carries a fresh one,
/// and every one of them keeps working (an unsubscribe link must not expire). Like the RSVP link it proves one thing, whose
/// digest this is, and signs no one in (ADR 0016).
/// </summary>
public sealed class DigestOffLink
{
    public string Id { get; set; } = "";
    public Guid AccountId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class SendWeeklyDigestHandler
{
    /// <summary>
    /// Its own session, committed before the SMTP call, so the link in the mail exists when the mail does; a failed send is
    /// retried by Wolverine with a new link. A round since turned off (or off and on) sends nothing.
    /// </summary>
    public static async Task Handle(SendWeeklyDigest m, IDocumentStore store, IMailSender mail, IOptions<ForumOptions> options, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<Account>(m.AccountId, ct);
        var marks = await session.LoadAsync<DigestMarks>(m.AccountId, ct);
        if (account?.Digest != DigestFrequency.Weekly || marks?.WeeklyRound != m.Round) return;
        var entries = await MemberDigest.Between(session, new Actor(account.Id, account.Email, account.IsAdministrator), m.Since, m.Until);
        if (entries.Count == 0) return;
        var forums = (await session.LoadManyAsync<ForumDirectoryEntry>(ct, entries.Select(e => e.ForumId).Distinct())).ToDictionary(f => f.Id);
        // The language the person chose, else the language of the forum most of the week's news comes from.
        var language = account.Language ?? entries.GroupBy(e => e.ForumId).OrderByDescending(g => g.Count()).Select(g => forums.GetValueOrDefault(g.Key)?.Language).FirstOrDefault();
        var token = Secrets.NewToken("");
        session.Store(new DigestOffLink { Id = Secrets.Hash(token), AccountId = account.Id, CreatedAt = m.Until });
        await session.SaveChangesAsync(ct);
        await mail.SendAsync(WeeklyDigestMail.Compose(account.Email, language, entries, forums, m.Since, m.Until, token, options.Value), ct);
    }
}

public static class WeeklyDigestMail
{
    public static MimeMessage Compose(string to, string? language, IReadOnlyList<DigestEntry> entries, IReadOnlyDictionary<Guid, ForumDirectoryEntry> forums,
        DateTimeOffset since, DateTimeOffset until, string offToken, ForumOptions o)
    {
        var wording = Strings.For(language);
        var off = o.Link($"/digest/off/{offToken}");
        var model = new Dictionary<string, object?>
        {
            ["since"] = wording.Date(since.UtcDateTime),
            ["until"] = wording.Date(until.UtcDateTime),
            ["home"] = o.Link("/"),
            ["off"] = off,
            ["counts"] = MemberDigest.Counts(entries).OrderBy(c => Array.IndexOf(MemberDigest.Kinds, c.Key))
                .Select(c => (object?)new Dictionary<string, object?> { ["kind"] = c.Key, ["count"] = c.Value }).ToList(),
            ["entries"] = entries.Select(e => (object?)new Dictionary<string, object?>
            {
                ["kind"] = e.Kind,
                ["forum"] = forums.GetValueOrDefault(e.ForumId)?.Name ?? "",
                ["title"] = e.Number is { } n ? wording.T("digest.commitment", new { number = n, title = e.Title }) : e.Title,
                ["by"] = e.By,
                ["level"] = e.Level.Length == 0 ? "" : wording.T(MemberDigest.LevelKey(e.Kind, e.Level)),
                ["link"] = o.Link(MemberDigest.PageOf(e.Link)),
            }).ToList(),
        };
        var parts = MailTemplates.RenderParts("weekly-digest", wording.Code, model);
        var message = new MimeMessage { Subject = parts.Subject };
        message.To.Add(MailboxAddress.Parse(to));
        // RFC 8058: a mail client's own "unsubscribe" button posts to the same link, with no page in between.
        message.Headers.Add("List-Unsubscribe", $"<{o.Link($"/api/digest/off/{offToken}")}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder { TextBody = parts.Text, HtmlBody = parts.Html }.ToMessageBody();
        return message;
    }
}

/// <summary>
/// The page behind the mail's "turn off" link (<c>/digest/off/{token}</c>) reads here whether the digest is on, and turns it
/// off on its one button; opening the link changes nothing, so a mail scanner that follows it turns nothing off. The POST is
/// also the RFC 8058 one-click address a mail client calls.
/// </summary>
public static class DigestOffEndpoint
{
    [WolverineGet("/api/digest/off/{token}"), Tags("Identity")]
    public static async Task<IResult> Get(string token, IQuerySession session) =>
        await session.LoadAsync<DigestOffLink>(Secrets.Hash(token)) is { } link && await session.LoadAsync<Account>(link.AccountId) is { } account
            ? Results.Ok(new { digest = account.Digest })
            : Problems.Of(Unknown());

    [WolverinePost("/api/digest/off/{token}"), Tags("Identity")]
    public static async Task<IResult> Post(string token, IDocumentSession session, TimeProvider clock)
    {
        if (await session.LoadAsync<DigestOffLink>(Secrets.Hash(token)) is not { } link || await session.LoadAsync<Account>(link.AccountId) is not { } account)
            return Problems.Of(Unknown());
        // Off retires the scheduled run (its round is raised), so no further mail goes; off again changes nothing.
        await DigestPreference.Set(session, account, DigestFrequency.Off, clock.GetUtcNow());
        session.Store(account);
        await session.SaveChangesAsync();
        return Results.Ok(new { digest = account.Digest });
    }

    private static Rejection Unknown() =>
        Rejection.Invalid("token", "digest-link-invalid", "This link is not one we sent. Turn the weekly digest off on your home page instead.");
}
