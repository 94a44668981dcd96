using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.Sessions.Scheduling;

/// <summary>
/// Setting a session up (the secretariat): schedule, reschedule, cancel, and the agenda. Nothing changes once the
/// session is closed or cancelled, and an agenda item is amended or withdrawn only before it is taken up.
/// </summary>
public static class SchedulingRules
{
    public static Verdict Schedule(ForumState forum, ScheduleSession c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "schedule sessions") is { } denied) return denied;
        var mode = c.Mode;
        if (Input.First(
                Input.Required("title", c.Title, SessionRules.TitleMax),
                c.StartsAt is null ? Rejection.Invalid("startsAt", "field-required", "'startsAt' is required (ISO 8601, UTC).") : null,
                c.EndsAt is null ? Rejection.Invalid("endsAt", "field-required", "'endsAt' is required (ISO 8601, UTC).") : null,
                Input.Defined("mode", mode)) is { } bad)
            return bad;
        // Invitations are mailed for the time set here: a time already gone is a typing slip (a meeting already held is
        // recorded as a past meeting, not scheduled).
        if (StartsInPast(c.StartsAt!.Value, now) is { } gone) return gone;
        if (Times(c.StartsAt.Value, c.EndsAt!.Value) is { } badTimes) return badTimes;
        if (Where(mode!.Value, c.Venue, c.OnlineUrl) is { } badPlace) return badPlace;
        var language = string.IsNullOrWhiteSpace(c.Language) ? forum.Language : c.Language.Trim().ToLowerInvariant();
        if (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower))
            return Rejection.Invalid("language", "language-code", "'language' must be a two- or three-letter language code such as en, uk or ru.");
        return Verdict.Accept(new SessionScheduled(c.SessionId, forum.Id, c.Title!.Trim(), c.StartsAt.Value.ToUniversalTime(), c.EndsAt.Value.ToUniversalTime(),
            mode.Value, c.Venue?.Trim() ?? "", c.OnlineUrl?.Trim() ?? "", language, actor!.AccountId, now));
    }

    public static Verdict Reschedule(ForumState forum, SessionState s, RescheduleSession c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "reschedule sessions") is { } denied) return denied;
        if (NotScheduled(s, "rescheduled") is { } state) return state;
        var starts = c.StartsAt ?? s.StartsAt;
        var ends = c.EndsAt ?? s.EndsAt;
        // Invitees are mailed the new time: a time already gone is a typing slip, not a plan. A start left as it was
        // may have passed (a session not opened yet still gets a new venue).
        if (starts != s.StartsAt && StartsInPast(starts, now) is { } gone) return gone;
        if (Times(starts, ends) is { } badTimes) return badTimes;
        var venue = c.Venue ?? s.Venue;
        var url = c.OnlineUrl ?? s.OnlineUrl;
        if (Where(s.Mode, venue, url) is { } badPlace) return badPlace;
        if (starts == s.StartsAt && ends == s.EndsAt && venue == s.Venue && url == s.OnlineUrl) return Verdict.Accept();
        return Verdict.Accept(new SessionRescheduled(s.Id, starts.ToUniversalTime(), ends.ToUniversalTime(), venue.Trim(), url.Trim(), actor!.AccountId, now));
    }

    public static Verdict Cancel(ForumState forum, SessionState s, CancelSession c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "cancel sessions") is { } denied) return denied;
        if (NotScheduled(s, "cancelled") is { } state) return state;
        if (Input.Required("reason", c.Reason, SessionRules.ReasonMax) is { } bad) return bad;
        return Verdict.Accept(new SessionCancelled(s.Id, c.Reason!.Trim(), actor!.AccountId, now));
    }

    public static Verdict AddItem(ForumState forum, SessionState s, AddAgendaItem c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "set the agenda") is { } denied) return denied;
        if (Ended(s) is { } ended) return ended;
        if (ItemFields(c.Title, c.Description, c.Kind, c.Presenter, c.Minutes) is { } bad) return bad;
        return Verdict.Accept(new AgendaItemAdded(s.Id, c.ItemId, c.Title!.Trim(), c.Description?.Trim() ?? "", c.Kind!.Value,
            c.Presenter?.Trim() ?? "", c.Minutes ?? 15, actor!.AccountId, now));
    }

    public static Verdict AmendItem(ForumState forum, SessionState s, AmendAgendaItem c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "set the agenda") is { } denied) return denied;
        var (item, refusal) = PendingItem(s, c.ItemId, "amended");
        if (refusal is not null) return refusal;
        var title = c.Title ?? item.Title;
        var kind = c.Kind ?? item.Kind;
        if (ItemFields(title, c.Description, kind, c.Presenter, c.Minutes ?? item.Minutes) is { } bad) return bad;
        return Verdict.Accept(new AgendaItemAmended(s.Id, item.ItemId, title.Trim(), c.Description?.Trim() ?? item.Description, kind,
            c.Presenter?.Trim() ?? item.Presenter, c.Minutes ?? item.Minutes, actor!.AccountId, now));
    }

    public static Verdict Reorder(ForumState forum, SessionState s, ReorderAgenda c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "set the agenda") is { } denied) return denied;
        if (Ended(s) is { } ended) return ended;
        if (c.ItemIds is null) return Rejection.Invalid("itemIds", "field-required", "'itemIds' is required: every item of the agenda, in the new order.");
        var current = s.Agenda.Where(i => i.Status != ItemStatus.Withdrawn).Select(i => i.ItemId).ToHashSet();
        if (c.ItemIds.Count != current.Count || !current.SetEquals(c.ItemIds))
            return Rejection.Invalid("itemIds", "agenda-order-complete", "'itemIds' must list every item of the agenda (not withdrawn) exactly once.");
        return Verdict.Accept(new AgendaReordered(s.Id, c.ItemIds.ToList(), actor!.AccountId, now));
    }

    public static Verdict WithdrawItem(ForumState forum, SessionState s, WithdrawAgendaItem c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "set the agenda") is { } denied) return denied;
        var (item, refusal) = PendingItem(s, c.ItemId, "withdrawn");
        if (refusal is not null) return refusal;
        if (Input.MaxLength("reason", c.Reason, SessionRules.ReasonMax) is { } bad) return bad;
        return Verdict.Accept(new AgendaItemWithdrawn(s.Id, item.ItemId, c.Reason?.Trim() ?? "", actor!.AccountId, now));
    }

    private static Rejection? NotScheduled(SessionState s, string what) =>
        s.Status == SessionStatus.Scheduled ? null
            : Rejection.Conflict("session-not-scheduled", $"'{s.Title}' is {s.Status}; only a scheduled session is {what}.");

    private static Rejection? Ended(SessionState s) => s.Status switch
    {
        SessionStatus.Closed => Rejection.Conflict("session-closed", $"'{s.Title}' is closed; its agenda is history."),
        SessionStatus.Cancelled => Rejection.Conflict("session-cancelled", $"'{s.Title}' was cancelled."),
        _ => null,
    };

    /// <summary>An agenda item that has not been taken up yet, in a session still to come or under way.</summary>
    private static (ItemState Item, Rejection? Refusal) PendingItem(SessionState s, Guid itemId, string what)
    {
        if (Ended(s) is { } ended) return (null!, ended);
        if (s.Item(itemId) is not { } item) return (null!, SessionRules.ItemNotFound(s, itemId));
        return item.Status == ItemStatus.Pending
            ? (item, null)
            : (item, Rejection.Conflict("item-already-taken-up", $"'{item.Title}' is {item.Status}; only an item not yet opened is {what}."));
    }

    private static Rejection? StartsInPast(DateTimeOffset starts, DateTimeOffset now) =>
        starts < now
            ? Rejection.Invalid("startsAt", "starts-in-past",
                $"The start, {starts.ToUniversalTime():yyyy-MM-dd HH:mm} UTC, has already passed; choose a time still to come.")
            : null;

    private static Rejection? Times(DateTimeOffset starts, DateTimeOffset ends) =>
        ends <= starts ? Rejection.Invalid("endsAt", "ends-after-start", "'endsAt' must be after 'startsAt'.")
        : ends - starts > TimeSpan.FromDays(7) ? Rejection.Invalid("endsAt", "session-length", "A session lasts at most 7 days.")
        : null;

    private static Rejection? Where(SessionMode mode, string? venue, string? onlineUrl)
    {
        if (mode is SessionMode.InPerson or SessionMode.Hybrid && Input.Required("venue", venue, SessionRules.TitleMax) is { } noVenue)
            return noVenue with { Detail = $"A {mode} session needs a 'venue'." };
        if (Input.MaxLength("venue", venue, SessionRules.TitleMax) is { } longVenue) return longVenue;
        if (mode is SessionMode.Online or SessionMode.Hybrid)
        {
            if (Input.Required("onlineUrl", onlineUrl, SessionRules.UrlMax) is { } noUrl) return noUrl with { Detail = $"A {mode} session needs an 'onlineUrl'." };
            if (!Uri.TryCreate(onlineUrl!.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                return Rejection.Invalid("onlineUrl", "url-invalid", "'onlineUrl' must be an http(s) address.");
        }
        return null;
    }

    private static Rejection? ItemFields(string? title, string? description, ItemKind? kind, string? presenter, int? minutes) =>
        Input.First(
            Input.Required("title", title, SessionRules.TitleMax),
            Input.MaxLength("description", description, SessionRules.TextMax),
            Input.Defined("kind", kind),
            Input.MaxLength("presenter", presenter, SessionRules.TitleMax),
            minutes is < 1 or > 600 ? Rejection.Invalid("minutes", "minutes-range", "'minutes' must be between 1 and 600.") : null);

}
