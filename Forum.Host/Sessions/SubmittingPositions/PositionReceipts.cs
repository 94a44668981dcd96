using Forum.Domain.Sessions;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.SubmittingPositions;

/// <summary>Superseded: the member's later position reached the board first; this earlier one was not applied over it.</summary>
public enum SubmissionStatus { Applied, Unchanged, Refused, Superseded }

/// <summary>What became of one submission; also what makes a retried submission a no-op.</summary>
public sealed class PositionReceipt
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid ItemId { get; set; }
    public Guid AccountId { get; set; }
    public SubmissionStatus Status { get; set; }
    public string? Rule { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class GetSubmissionEndpoint
{
    [WolverineGet("/api/sessions/{sessionId}/submissions/{submissionId}"), Tags("Live session")]
    public static async Task<IResult> Get(Guid submissionId, [ReadAggregate("sessionId", Required = false)] SessionState session, [NotBody] SessionCaller caller,
        IQuerySession store)
    {
        var receipt = await store.LoadAsync<PositionReceipt>(submissionId);
        if (receipt is null || receipt.SessionId != session.Id || receipt.AccountId != caller.Actor.AccountId)
            return Results.Ok(new { submissionId, status = "Accepted", detail = "Waiting for its turn on the board." });
        return Results.Ok(new { submissionId, status = receipt.Status.ToString(), rule = receipt.Rule, detail = receipt.Detail, at = receipt.At });
    }
}
