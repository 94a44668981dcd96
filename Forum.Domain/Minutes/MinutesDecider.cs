using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Domain.Minutes;

/// <summary>Drafting the minutes of a closed session from its record: the session events it covers and their hash.</summary>
/// <param name="Translation">The same record drafted in <see cref="MinutesDecider.SecondLanguage"/>, when there is one.</param>
public sealed record DraftMinutesFromRecord(long SessionVersion, string EventsSha256, string Markdown, MinutesTextIn? Translation = null);
public sealed record MinutesTextIn(string Language, string Markdown);
/// <param name="Language">Which text is revised: the minutes' own language when not given.</param>
public sealed record ReviseMinutes(string? Markdown, string? Language = null);
public sealed record ApproveMinutes;
/// <summary>What publishing produced (signed PDF, signature, key), and the session events' hash as the store has it now.</summary>
public sealed record PublishMinutes(string DocumentSha256, string Signature, string KeyId, string EventsSha256Now, SignedTranslation? Translation = null);
/// <summary>The second text's signed PDF and record, made and signed like the first.</summary>
public sealed record SignedTranslation(string Language, string DocumentSha256, string Signature, string KeyId);

/// <summary>
/// The rules of minutes (DESIGN, Workflows — Minutes): drafted once from a closed session; the secretariat revises;
/// each co-chair approves once, and a revision after an approval resets the approvals; the secretariat publishes only
/// after the Government and the CivilSociety co-chair approved; nothing changes after publication.
/// </summary>
public static class MinutesDecider
{
    public const int MarkdownMax = 10_000_000;

    /// <summary>One minutes per session, with an id derived from the session's, so a redelivered draft request finds it.</summary>
    public static Guid IdFor(Guid sessionId) => NameBasedId.Of("forum-minutes/", sessionId);

    public static Verdict Draft(MinutesState? existing, SessionState session, DraftMinutesFromRecord c, DateTimeOffset now)
    {
        // At-least-once delivery: a second request for the same session changes nothing.
        if (existing is not null) return Verdict.Accept();
        if (session.Status != SessionStatus.Closed)
            return Rejection.Conflict("session-not-closed", $"'{session.Title}' is {session.Status}; minutes are drafted from a closed session.");
        var drafted = new MinutesDrafted(IdFor(session.Id), session.Id, session.ForumId, session.Title, session.StartsAt,
            c.SessionVersion, c.EventsSha256, session.Language, c.Markdown, now);
        return c.Translation is { } t && t.Language != session.Language
            ? Verdict.Accept(drafted, new MinutesTranslationDrafted(drafted.MinutesId, t.Language, t.Markdown, now))
            : Verdict.Accept(drafted);
    }

    /// <summary>
    /// The second language of a session's minutes (docs/adr/0023): English beside the language the minutes are written in,
    /// which is the forum's or the session's own; none for minutes written in English.
    /// </summary>
    public static string? SecondLanguage(string writtenIn) =>
        string.Equals(writtenIn, English, StringComparison.OrdinalIgnoreCase) ? null : English;

    public const string English = "en";

    public static Verdict Revise(ForumState forum, MinutesState m, ReviseMinutes c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "revise minutes") is { } denied) return denied;
        if (Published(m, "revised") is { } done) return done;
        if (Input.Required("markdown", c.Markdown, MarkdownMax) is { } bad) return bad;
        var language = string.IsNullOrWhiteSpace(c.Language) ? m.Language : c.Language.Trim().ToLowerInvariant();
        if (m.TextIn(language) is not { } current)
            return Rejection.Invalid("language", "minutes-language",
                $"These minutes are written in {string.Join(" and ", m.Languages)}; there is no text in '{c.Language}' to revise.");
        var markdown = c.Markdown!.Replace("\r\n", "\n");
        if (markdown == current) return Verdict.Accept();
        return language == m.Language
            ? Verdict.Accept(new MinutesRevised(m.Id, markdown, m.Revision + 1, actor!.AccountId, now))
            : Verdict.Accept(new MinutesTranslationRevised(m.Id, language, markdown, m.Revision + 1, actor!.AccountId, now));
    }

    public static Verdict Approve(ForumState forum, MinutesState m, ApproveMinutes _, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var member = forum.MemberByEmail(actor.Email);
        if (member is null || !forum.IsCoChair(member.MemberId))
            return Rejection.Forbidden("co-chair-only", "Only a co-chair approves minutes.");
        if (Published(m, "approved") is { } done) return done;
        if (m.Approvals.Any(a => a.MemberId == member.MemberId))
            return Rejection.Conflict("already-approved", $"{member.Name} already approved revision {m.Revision} of these minutes; each co-chair approves once.");
        return Verdict.Accept(new MinutesApproved(m.Id, member.MemberId, member.Name, member.Group, m.Revision, actor.AccountId, now));
    }

    /// <summary>Checked before the PDF is rendered and signed, and again by <see cref="Publish"/>.</summary>
    public static Rejection? MayPublish(ForumState forum, MinutesState m, Actor? actor)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "publish minutes") is { } denied) return denied;
        if (Published(m, "published again") is { } done) return done;
        var missing = AwaitingApproval(m.Status, m.Approvals.Select(a => a.Group));
        if (missing.Count > 0)
            return Rejection.Conflict("both-co-chairs-approve",
                $"Minutes are published only after both co-chairs approved revision {m.Revision}; waiting for the {string.Join(" and the ", missing)} co-chair.");
        return null;
    }

    public static Verdict Publish(ForumState forum, MinutesState m, PublishMinutes c, Actor? actor, DateTimeOffset now)
    {
        if (MayPublish(forum, m, actor) is { } refused) return refused;
        // The minutes vouch for the record they were drafted from; if it changed since, they vouch for nothing.
        if (!string.Equals(c.EventsSha256Now, m.EventsSha256, StringComparison.OrdinalIgnoreCase))
            return Rejection.Conflict("record-unchanged-since-draft",
                $"The session's events up to version {m.SessionVersion} no longer hash to {m.EventsSha256}; the record changed after drafting and the minutes cannot be signed.");
        var published = new MinutesPublished(m.Id, c.DocumentSha256, c.Signature, c.KeyId, m.SessionVersion, m.EventsSha256, actor!.AccountId, now);
        if (m.Translation is null) return Verdict.Accept(published);
        // Approved together, published together: never one language signed and the other left a draft.
        if (c.Translation is not { } t || t.Language != m.Translation.Language)
            return Rejection.Conflict("both-languages-signed",
                $"The minutes of '{m.SessionTitle}' are written in {string.Join(" and ", m.Languages)}; both documents are signed and published together.");
        return Verdict.Accept(published, new MinutesTranslationPublished(m.Id, t.Language, t.DocumentSha256, t.Signature, t.KeyId, now));
    }

    public static Rejection? MaySeeDraft(ForumState forum, Actor? actor) =>
        ForumAccess.Require(forum, actor, ForumRole.Observer, "read draft minutes");

    /// <summary>Published minutes are public; a draft is for the forum's members, observers and secretariat (anonymous callers: 401).</summary>
    public static Rejection? MayRead(ForumState forum, MinutesStatus status, Actor? actor) =>
        status == MinutesStatus.Published ? null : MaySeeDraft(forum, actor);

    /// <summary>The co-chairs' groups whose approval of the current revision is still missing; none once published.</summary>
    public static IReadOnlyList<StakeholderGroup> AwaitingApproval(MinutesStatus status, IEnumerable<StakeholderGroup> approvedBy)
    {
        if (status == MinutesStatus.Published) return [];
        var approved = approvedBy.ToHashSet();
        return CoChairGroups.Where(g => !approved.Contains(g)).ToList();
    }

    /// <summary>DESIGN: one Government and one CivilSociety co-chair; both approve.</summary>
    public static readonly StakeholderGroup[] CoChairGroups = [StakeholderGroup.Government, StakeholderGroup.CivilSociety];

    public static Rejection NotFound(Guid id) => Rejection.NotFound("minutes-not-found", $"There are no minutes {id}.");

    public static Rejection NotPublished(MinutesState m, string what) =>
        Rejection.Conflict("minutes-not-published", $"The minutes of '{m.SessionTitle}' are a draft; {what} exists once they are published.");

    private static Rejection? Published(MinutesState m, string action) =>
        m.Status == MinutesStatus.Published
            ? Rejection.Conflict("minutes-published", $"The minutes of '{m.SessionTitle}' are published and signed; they cannot be {action}.")
            : null;
}
