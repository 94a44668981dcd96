using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.Sessions;

/// <summary>
/// The rules of a session: pure functions of (forum, session, command, who, now) to events or a named refusal.
/// Who: the secretariat sets up; only a co-chair drives; voting members who checked in take positions and raise hands;
/// observers watch. When: nothing before the session opens, nothing on a closed item or after the session closes.
/// </summary>
public static class SessionDecider
{
    public const int TitleMax = 200, TextMax = 20000, StatementMax = 4000, ReasonMax = 2000, UrlMax = 1000;

    // ---- set-up (secretariat) ----

    public static Verdict Schedule(ForumState forum, ScheduleSession c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "schedule sessions") is { } denied) return denied;
        var mode = c.Mode;
        if (Input.First(
                Input.Required("title", c.Title, TitleMax),
                c.StartsAt is null ? Rejection.Invalid("startsAt", "field-required", "'startsAt' is required (ISO 8601, UTC).") : null,
                c.EndsAt is null ? Rejection.Invalid("endsAt", "field-required", "'endsAt' is required (ISO 8601, UTC).") : null,
                Input.Defined("mode", mode)) is { } bad)
            return bad;
        if (Times(c.StartsAt!.Value, c.EndsAt!.Value) is { } badTimes) return badTimes;
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
        if (Input.Required("reason", c.Reason, ReasonMax) is { } bad) return bad;
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
        if (Input.MaxLength("reason", c.Reason, ReasonMax) is { } bad) return bad;
        return Verdict.Accept(new AgendaItemWithdrawn(s.Id, item.ItemId, c.Reason?.Trim() ?? "", actor!.AccountId, now));
    }

    // ---- running the room (co-chairs) ----

    public static Verdict Open(ForumState forum, SessionState s, OpenSession _, Actor? actor, DateTimeOffset now)
    {
        if (CoChairOnly(forum, actor, "open the session") is { } denied) return denied;
        if (s.Status != SessionStatus.Scheduled)
            return Rejection.Conflict("session-not-scheduled", $"The session is {s.Status}; only a scheduled session is opened.");
        var voting = forum.Members.Values.Where(m => m.Votes).GroupBy(m => m.Group).ToDictionary(g => g.Key, g => g.Count());
        foreach (var g in Enum.GetValues<StakeholderGroup>()) voting.TryAdd(g, 0);
        return Verdict.Accept(new SessionOpened(s.Id, voting, forum.Rules, forum.CoChairs.Values.ToList(), actor!.AccountId, now));
    }

    public static Verdict CheckIn(ForumState forum, SessionState s, CheckIn c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        if (Input.Defined("presence", c.Presence) is { } bad) return bad;
        var (member, recordedBy, refusal) = Subject(forum, actor, c.MemberId, "check someone else in");
        if (refusal is not null) return refusal;
        if (s.Status != SessionStatus.Open) return NotOpen(s, "check in");
        if (s.Present.TryGetValue(member!.MemberId, out var here) && here.Presence == c.Presence) return Verdict.Accept();
        return Verdict.Accept(new ParticipantCheckedIn(s.Id, member.MemberId, member.Name, member.Group, member.Role, c.Presence!.Value, recordedBy, now));
    }

    public static Verdict Leave(ForumState forum, SessionState s, Leave c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var (member, recordedBy, refusal) = Subject(forum, actor, c.MemberId, "record someone else leaving");
        if (refusal is not null) return refusal;
        if (s.Status != SessionStatus.Open) return NotOpen(s, "leave");
        if (!s.Present.ContainsKey(member!.MemberId)) return Verdict.Accept();
        var events = new List<object>();
        if (s.Floor == member.MemberId) events.Add(Yield(s, now));
        events.Add(new ParticipantLeft(s.Id, member.MemberId, recordedBy, now));
        return Verdict.Accept([.. events]);
    }

    public static Verdict OpenItem(ForumState forum, SessionState s, OpenItem c, Actor? actor, DateTimeOffset now)
    {
        if (CoChairOnly(forum, actor, "open agenda items") is { } denied) return denied;
        if (s.Status != SessionStatus.Open) return NotOpen(s, "open an item");
        if (s.Item(c.ItemId) is not { } item) return ItemNotFound(s, c.ItemId);
        if (s.CurrentItemId is { } current && current != item.ItemId)
            return Rejection.Conflict("one-item-at-a-time", $"'{s.Item(current)!.Title}' is still open; close it before opening another.");
        if (item.Status != ItemStatus.Pending)
            return Rejection.Conflict("item-not-pending", $"'{item.Title}' is {item.Status}; an item is opened once.");
        return Verdict.Accept(new AgendaItemOpened(s.Id, item.ItemId, actor!.AccountId, now));
    }

    public static Verdict Table(ForumState forum, SessionState s, TableProposal c, Actor? actor, DateTimeOffset now)
    {
        if (CoChairOnly(forum, actor, "table a proposal") is { } denied) return denied;
        if (OpenItemOf(s, c.ItemId, "table a proposal on") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (Input.Required("text", c.Text, TextMax) is { } bad) return bad;
        var text = c.Text!.Trim();
        if (item.Proposal == text) return Verdict.Accept();
        return item.Proposal is null
            ? Verdict.Accept(new ProposalTabled(s.Id, item.ItemId, text, actor!.AccountId, now))
            : Verdict.Accept(new ProposalRevised(s.Id, item.ItemId, text, item.ProposalRevision + 1, actor!.AccountId, now));
    }

    // ---- positions and hands (members present) ----

    public static Verdict Submit(ForumState forum, SessionState s, SubmitPosition c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var (member, recordedBy, refusal) = Subject(forum, actor, c.OnBehalfOf, "record a position for someone else", "onBehalfOf");
        if (refusal is not null) return refusal;
        if (!member!.Votes)
            return Rejection.Forbidden("voting-member-only", $"{member.Name} is an observer; observers watch and do not take positions.");
        if (Input.First(Input.Defined("stance", c.Stance), Input.MaxLength("statement", c.Statement, StatementMax)) is { } bad) return bad;
        if (s.Status != SessionStatus.Open) return NotOpen(s, "submit positions");
        if (OpenItemOf(s, c.ItemId, "take a position on") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (item.Kind == ItemKind.Information)
            return Rejection.Conflict("information-item", $"'{item.Title}' is for information; positions are taken on discussion and decision items.");
        if (!s.Present.TryGetValue(member.MemberId, out var here))
            return Rejection.Conflict("check-in-first", $"{member.Name} has not checked in; only members present take positions.");
        // The secretariat records positions for people in the room without a device.
        if (recordedBy is not null && here.Presence != Presence.InRoom)
            return Rejection.Conflict("on-behalf-in-room-only", $"{member.Name} is online and submits their own position.");
        var statement = c.Statement?.Trim() ?? "";
        if (c.Stance is Stance.Block or Stance.Object && statement.Length == 0)
            return Rejection.Invalid("statement", "statement-required", $"A {c.Stance} says why: 'statement' is required.");
        if (item.Positions.TryGetValue(member.MemberId, out var before) && before.Stance == c.Stance && before.Statement == statement)
            return Verdict.Accept();
        return Verdict.Accept(new PositionSubmitted(s.Id, item.ItemId, member.MemberId, c.Stance!.Value, statement, recordedBy, c.SubmissionId, now));
    }

    public static Verdict Withdraw(ForumState forum, SessionState s, WithdrawPosition c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var (member, _, refusal) = Subject(forum, actor, c.OnBehalfOf, "withdraw a position for someone else", "onBehalfOf");
        if (refusal is not null) return refusal;
        if (s.Status != SessionStatus.Open) return NotOpen(s, "withdraw positions");
        if (OpenItemOf(s, c.ItemId, "withdraw a position on") is { Rejection: { } r }) return r;
        if (!s.Item(c.ItemId)!.Positions.ContainsKey(member!.MemberId)) return Verdict.Accept();
        return Verdict.Accept(new PositionWithdrawn(s.Id, c.ItemId, member.MemberId, now));
    }

    public static Verdict Hand(ForumState forum, SessionState s, RaiseHand c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        if (c.Raised is null) return Rejection.Invalid("raised", "field-required", "'raised' is required: true to raise your hand, false to lower it.");
        var member = forum.MemberByEmail(actor.Email);
        if (member is null) return Rejection.Forbidden("forum-members-only", "Only members of this forum raise hands.");
        if (!member.Votes) return Rejection.Forbidden("voting-member-only", $"{member.Name} is an observer; observers watch.");
        if (s.Status != SessionStatus.Open) return NotOpen(s, "raise hands");
        if (!s.Present.ContainsKey(member.MemberId))
            return Rejection.Conflict("check-in-first", $"{member.Name} has not checked in; only members present raise hands.");
        var raised = s.Hands.Contains(member.MemberId);
        if (c.Raised == raised) return Verdict.Accept();
        return c.Raised.Value
            ? Verdict.Accept(new HandRaised(s.Id, member.MemberId, now))
            : Verdict.Accept(new HandLowered(s.Id, member.MemberId, now));
    }

    public static Verdict Floor(ForumState forum, SessionState s, GiveFloor c, Actor? actor, DateTimeOffset now)
    {
        if (CoChairOnly(forum, actor, "give the floor") is { } denied) return denied;
        if (s.Status != SessionStatus.Open) return NotOpen(s, "give the floor");
        var events = new List<object>();
        if (c.MemberId is null)
        {
            if (s.Floor is null) return Verdict.Accept();
            return Verdict.Accept(Yield(s, now));
        }
        if (!s.Present.TryGetValue(c.MemberId.Value, out var speaker))
            return forum.Members.ContainsKey(c.MemberId.Value)
                ? Rejection.Conflict("speaker-present", $"{forum.Members[c.MemberId.Value].Name} is not checked in; the floor goes to someone present.")
                : Rejection.NotFound("member-not-found", $"'{forum.Name}' has no member {c.MemberId}.");
        if (s.Floor == speaker.MemberId) return Verdict.Accept();
        if (s.Floor is not null) events.Add(Yield(s, now));
        events.Add(new FloorGiven(s.Id, speaker.MemberId, actor!.AccountId, now));
        return Verdict.Accept([.. events]);
    }

    // ---- decisions ----

    public static Verdict Decide(ForumState forum, SessionState s, RecordDecision c, Actor? actor, DateTimeOffset now)
    {
        if (CoChairOnly(forum, actor, "record decisions") is { } denied) return denied;
        if (OpenItemOf(s, c.ItemId, "record a decision on") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (item.Kind == ItemKind.Information)
            return Rejection.Conflict("information-item", $"'{item.Title}' is for information; nothing is decided on it.");
        if (item.Decided) return Rejection.Conflict("already-decided", $"A decision on '{item.Title}' is already on record.");
        if (Input.First(Input.Defined("outcome", c.Outcome), Input.Required("text", c.Text ?? item.Proposal, TextMax)) is { } bad) return bad;
        var outcome = c.Outcome!.Value;
        var text = (c.Text ?? item.Proposal)!.Trim();

        var responses = new Dictionary<Guid, string>();
        foreach (var (response, i) in (c.Responses ?? []).Select((x, i) => (x, i)))
        {
            if (Input.First(Input.Id($"responses[{i}].memberId", response.MemberId),
                    Input.Required($"responses[{i}].response", response.Response, StatementMax)) is { } badResponse)
                return badResponse;
            if (!item.Positions.ContainsKey(response.MemberId!.Value))
                return Rejection.Invalid($"responses[{i}].memberId", "response-to-a-position", $"{response.MemberId} has no position on '{item.Title}' to respond to.");
            responses[response.MemberId.Value] = response.Response!.Trim();
        }

        var stances = item.Positions.Values.Select(p => p.Stance).ToList();
        var blocks = item.Positions.Where(p => p.Value.Stance == Stance.Block).ToList();
        if (outcome is Outcome.ConsensusReached or Outcome.ConsensusWithReservations && blocks.Count > 0)
            return Rejection.Conflict("block-stands",
                $"Consensus cannot be recorded while a Block stands ({string.Join(", ", blocks.Select(b => NameOf(forum, s, b.Key)))}); record NoConsensus, Deferred, or a vote where the rules allow.");
        if (outcome == Outcome.ConsensusReached && stances.Any(x => x is Stance.Object or Stance.SupportWithReservations))
            return Rejection.Conflict("reservations-on-record", "Objections or reservations are on record: record ConsensusWithReservations, with a response to each.");

        var quorum = QuorumRule.Evaluate(s.VotingMembers, s.Rules, s.Present.Values.Select(a => (a.Group, a.Votes)));
        if (outcome is Outcome.ConsensusReached or Outcome.ConsensusWithReservations or Outcome.VoteCarried or Outcome.VoteFailed && !quorum.Met)
            return Rejection.Conflict("quorum-not-met", $"No quorum: {quorum.Explanation} Only NoConsensus or Deferred may be recorded without it.");
        if (outcome is Outcome.VoteCarried or Outcome.VoteFailed)
        {
            if (!s.Rules.VoteFallback)
                return Rejection.Conflict("consensus-only", $"'{forum.Name}' decides by consensus only; its rules allow no vote.");
            var yes = stances.Count(x => x is Stance.Support or Stance.SupportWithReservations);
            var cast = stances.Count(x => x != Stance.Abstain);
            var carried = cast > 0 && (double)yes / cast >= s.Rules.VoteThreshold;
            if (carried != (outcome == Outcome.VoteCarried))
                return Rejection.Conflict("vote-count", $"{yes} of {cast} votes cast support; the threshold is {s.Rules.VoteThreshold:P0}, so the vote {(carried ? "carried" : "failed")}.");
        }

        // DESIGN: a decision names every Block on record, and gives a reasoned response to each position not followed.
        var notFollowed = item.Positions.Where(p => p.Value.Stance is Stance.Object or Stance.Block).ToList();
        var unanswered = notFollowed.Where(p => !responses.ContainsKey(p.Key)).Select(p => NameOf(forum, s, p.Key)).ToList();
        if (unanswered.Count > 0)
            return Rejection.Conflict("response-required", $"Each Object and Block needs a reasoned response; none given to: {string.Join(", ", unanswered)}.");

        var objections = item.Positions
            .Where(p => p.Value.Stance is Stance.Object or Stance.Block || responses.ContainsKey(p.Key))
            .Select(p => new ObjectionOnRecord(p.Key, NameOf(forum, s, p.Key), GroupOf(forum, s, p.Key), p.Value.Stance, p.Value.Statement, responses.GetValueOrDefault(p.Key, "")))
            .ToList();
        var present = s.Present.Values.OrderBy(a => a.Group).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new PresentMember(a.MemberId, a.Name, a.Group, a.Role, a.Presence)).ToList();
        var tally = Enum.GetValues<Stance>().ToDictionary(x => x, x => stances.Count(y => y == x));

        var events = new List<object> { new DecisionRecorded(s.Id, item.ItemId, outcome, text, objections, present, quorum, tally, actor!.AccountId, now) };
        foreach (var (point, i) in (c.ActionPoints ?? []).Select((x, i) => (x, i)))
        {
            if (Input.First(Input.Required($"actionPoints[{i}].description", point.Description, TextMax),
                    Input.Id($"actionPoints[{i}].ownerMemberId", point.OwnerMemberId),
                    point.Due is null ? Rejection.Invalid($"actionPoints[{i}].due", "field-required", "Each action point has a due date (YYYY-MM-DD).") : null) is { } badPoint)
                return badPoint;
            if (!forum.Members.TryGetValue(point.OwnerMemberId!.Value, out var owner))
                return Rejection.Invalid($"actionPoints[{i}].ownerMemberId", "owner-is-a-member", $"'{forum.Name}' has no member {point.OwnerMemberId}.");
            events.Add(new ActionPointAssigned(s.Id, item.ItemId, c.ActionPointIds[i], point.Description!.Trim(), owner.MemberId, owner.Name, point.Due!.Value, actor.AccountId, now));
        }
        return Verdict.Accept([.. events]);
    }

    public static Verdict CloseItem(ForumState forum, SessionState s, CloseItem c, Actor? actor, DateTimeOffset now)
    {
        if (CoChairOnly(forum, actor, "close agenda items") is { } denied) return denied;
        if (OpenItemOf(s, c.ItemId, "close") is { Rejection: { } r }) return r;
        var item = s.Item(c.ItemId)!;
        if (item.Kind == ItemKind.Decision && !item.Decided)
            return Rejection.Conflict("decision-required", $"'{item.Title}' is a decision item: record its decision (Deferred if it waits) before closing it.");
        return Verdict.Accept(new AgendaItemClosed(s.Id, item.ItemId, actor!.AccountId, now));
    }

    public static Verdict Close(ForumState forum, SessionState s, CloseSession _, Actor? actor, DateTimeOffset now)
    {
        if (CoChairOnly(forum, actor, "close the session") is { } denied) return denied;
        if (s.Status != SessionStatus.Open) return NotOpen(s, "close it");
        if (s.CurrentItemId is { } current)
            return Rejection.Conflict("item-still-open", $"'{s.Item(current)!.Title}' is still open; close it first.");
        var events = new List<object>();
        if (s.Floor is not null) events.Add(Yield(s, now));
        events.Add(new SessionClosed(s.Id, actor!.AccountId, now));
        return Verdict.Accept([.. events]);
    }

    // ---- who may see ----

    public static Rejection? MaySee(ForumState forum, Actor? actor) =>
        ForumAccess.Require(forum, actor, ForumRole.Observer, "see this forum's sessions");

    /// <summary>Forum members and observers see every session; a guest invited by e-mail sees the session they were invited to (read only).</summary>
    public static Rejection? MaySee(ForumState forum, SessionState s, Actor? actor) =>
        actor is not null && s.InvitationFor(actor.Email) is not null ? null : MaySee(forum, actor);

    /// <summary>A room display's link carries a token that reads this session's board: the secretariat or a co-chair makes it.</summary>
    public static Rejection? MayMakeDisplay(ForumState forum, Actor? actor)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var role = ForumAccess.RoleOf(forum, actor);
        return role is ForumRole.Secretariat or ForumRole.CoChair
            ? null
            : Rejection.Forbidden("secretariat-or-co-chair-only", "Only the secretariat or a co-chair makes a room display's link.");
    }

    public static Rejection SessionNotFound(Guid sessionId) => Rejection.NotFound("session-not-found", $"There is no session {sessionId}.");

    // ---- helpers ----

    private static Rejection? CoChairOnly(ForumState forum, Actor? actor, string action)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var member = forum.MemberByEmail(actor.Email);
        return member is not null && forum.IsCoChair(member.MemberId)
            ? null
            : Rejection.Forbidden("co-chair-only", $"Only a co-chair may {action}.");
    }

    /// <summary>The member acted for: oneself, or (secretariat only) someone named.</summary>
    private static (Member? Member, string? RecordedBy, Rejection? Refusal) Subject(ForumState forum, Actor actor, Guid? onBehalfOf, string action, string field = "memberId")
    {
        var self = forum.MemberByEmail(actor.Email);
        if (onBehalfOf is null || onBehalfOf == self?.MemberId)
            return self is null
                ? (null, null, ForumAccess.RoleOf(forum, actor) == ForumRole.Secretariat
                    ? Rejection.Invalid(field, "field-required", $"The secretariat names the member: '{field}' is required.")
                    : Rejection.Forbidden("forum-members-only", "Only members of this forum take part in its sessions."))
                : (self, null, null);
        if (ForumAccess.RoleOf(forum, actor) != ForumRole.Secretariat)
            return (null, null, Rejection.Forbidden("secretariat-only", $"Only the secretariat may {action}."));
        return forum.Members.TryGetValue(onBehalfOf.Value, out var member)
            ? (member, actor.Email, null)
            : (null, null, Rejection.NotFound("member-not-found", $"'{forum.Name}' has no member {onBehalfOf}."));
    }

    private static Verdict OpenItemOf(SessionState s, Guid itemId, string action)
    {
        if (s.Status != SessionStatus.Open) return NotOpen(s, action + " an item");
        if (s.Item(itemId) is not { } item) return ItemNotFound(s, itemId);
        if (item.Status != ItemStatus.Open)
            return Rejection.Conflict("item-not-open", $"'{item.Title}' is {item.Status}; you can only {action} the item that is open.");
        return Verdict.Accept();
    }

    private static Rejection NotOpen(SessionState s, string action) => s.Status switch
    {
        SessionStatus.Scheduled => Rejection.Conflict("session-not-open", $"'{s.Title}' has not been opened yet; you cannot {action} before it opens."),
        SessionStatus.Closed => Rejection.Conflict("session-closed", $"'{s.Title}' is closed; you cannot {action} after it closes."),
        _ => Rejection.Conflict("session-cancelled", $"'{s.Title}' was cancelled."),
    };

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
        if (s.Item(itemId) is not { } item) return (null!, ItemNotFound(s, itemId));
        return item.Status == ItemStatus.Pending
            ? (item, null)
            : (item, Rejection.Conflict("item-already-taken-up", $"'{item.Title}' is {item.Status}; only an item not yet opened is {what}."));
    }

    private static Rejection ItemNotFound(SessionState s, Guid itemId) =>
        Rejection.NotFound("item-not-found", $"'{s.Title}' has no agenda item {itemId}.");

    private static Rejection? Times(DateTimeOffset starts, DateTimeOffset ends) =>
        ends <= starts ? Rejection.Invalid("endsAt", "ends-after-start", "'endsAt' must be after 'startsAt'.")
        : ends - starts > TimeSpan.FromDays(7) ? Rejection.Invalid("endsAt", "session-length", "A session lasts at most 7 days.")
        : null;

    private static Rejection? Where(SessionMode mode, string? venue, string? onlineUrl)
    {
        if (mode is SessionMode.InPerson or SessionMode.Hybrid && Input.Required("venue", venue, TitleMax) is { } noVenue)
            return noVenue with { Detail = $"A {mode} session needs a 'venue'." };
        if (Input.MaxLength("venue", venue, TitleMax) is { } longVenue) return longVenue;
        if (mode is SessionMode.Online or SessionMode.Hybrid)
        {
            if (Input.Required("onlineUrl", onlineUrl, UrlMax) is { } noUrl) return noUrl with { Detail = $"A {mode} session needs an 'onlineUrl'." };
            if (!Uri.TryCreate(onlineUrl!.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                return Rejection.Invalid("onlineUrl", "url-invalid", "'onlineUrl' must be an http(s) address.");
        }
        return null;
    }

    private static Rejection? ItemFields(string? title, string? description, ItemKind? kind, string? presenter, int? minutes) =>
        Input.First(
            Input.Required("title", title, TitleMax),
            Input.MaxLength("description", description, TextMax),
            Input.Defined("kind", kind),
            Input.MaxLength("presenter", presenter, TitleMax),
            minutes is < 1 or > 600 ? Rejection.Invalid("minutes", "minutes-range", "'minutes' must be between 1 and 600.") : null);

    private static FloorYielded Yield(SessionState s, DateTimeOffset now) =>
        new(s.Id, s.Floor!.Value, Math.Max(0, (now - (s.FloorSince ?? now)).TotalSeconds), now);

    private static string NameOf(ForumState forum, SessionState s, Guid memberId) =>
        s.Present.TryGetValue(memberId, out var a) ? a.Name : forum.Members.TryGetValue(memberId, out var m) ? m.Name : memberId.ToString();

    private static StakeholderGroup GroupOf(ForumState forum, SessionState s, Guid memberId) =>
        s.Present.TryGetValue(memberId, out var a) ? a.Group : forum.Members.TryGetValue(memberId, out var m) ? m.Group : StakeholderGroup.Other;
}
