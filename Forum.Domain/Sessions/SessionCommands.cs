using Forum.Domain.Forums;

namespace Forum.Domain.Sessions;

public sealed record ScheduleSession(Guid SessionId, string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, SessionMode? Mode,
    string? Venue, string? OnlineUrl, string? Language);
public sealed record RescheduleSession(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Venue, string? OnlineUrl);
public sealed record CancelSession(string? Reason);
public sealed record AddAgendaItem(Guid ItemId, string? Title, string? Description, ItemKind? Kind, string? Presenter, int? Minutes);
public sealed record AmendAgendaItem(Guid ItemId, string? Title, string? Description, ItemKind? Kind, string? Presenter, int? Minutes);
public sealed record ReorderAgenda(IReadOnlyList<Guid>? ItemIds);
public sealed record WithdrawAgendaItem(Guid ItemId, string? Reason);
public sealed record OpenSession;
public sealed record CheckIn(Presence? Presence, Guid? MemberId);
public sealed record Leave(Guid? MemberId);
public sealed record OpenItem(Guid ItemId);
public sealed record CloseItem(Guid ItemId);
public sealed record TableProposal(Guid ItemId, string? Text);
/// <summary>AcceptedAt: when the door accepted it (and acknowledged it durably); the position's time on record.</summary>
public sealed record SubmitPosition(Guid ItemId, Stance? Stance, string? Statement, Guid? OnBehalfOf, Guid SubmissionId, DateTimeOffset AcceptedAt);
public sealed record WithdrawPosition(Guid ItemId, Guid? OnBehalfOf);
public sealed record RaiseHand(bool? Raised);
public sealed record GiveFloor(Guid? MemberId);
public sealed record ResponseToPosition(Guid? MemberId, string? Response);
public sealed record NewActionPoint(string? Description, Guid? OwnerMemberId, DateOnly? Due);
public sealed record RecordDecision(Guid ItemId, Outcome? Outcome, string? Text, IReadOnlyList<ResponseToPosition>? Responses,
    IReadOnlyList<NewActionPoint>? ActionPoints, IReadOnlyList<Guid> ActionPointIds);
public sealed record CloseSession;
