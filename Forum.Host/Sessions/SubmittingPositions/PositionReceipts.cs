using Forum.Domain.Common;
using Forum.Domain.Sessions;
using Forum.Host.Infrastructure;
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
    /// <summary>
    /// What became of a submission: its receipt once the batch decided it; "Accepted" while it waits in Wolverine's
    /// durable inbox (where the 202 put it); "Failed" if it was set aside in the dead-letter table; else 404: no such
    /// submission of yours in this session.
    /// </summary>
    [WolverineGet("/api/sessions/{sessionId}/submissions/{submissionId}"), Tags("Live session")]
    public static async Task<IResult> Get(Guid submissionId, [ReadAggregate("sessionId", Required = false)] SessionState session, [NotBody] SessionCaller caller,
        IQuerySession store)
    {
        if (await Receipt(store, submissionId, session, caller) is { } decided) return decided;
        var waiting = await Waiting(store, submissionId, session.Id, caller.Actor.AccountId);
        // Its batch may have committed between the two reads: the receipt, written with the append, says so.
        if (waiting != Inbox.None && await Receipt(store, submissionId, session, caller) is { } justDecided) return justDecided;
        return waiting switch
        {
            Inbox.Queued => Results.Ok(new { submissionId, status = "Accepted", detail = "Waiting for its turn on the board." }),
            Inbox.DeadLetter => Results.Ok(new { submissionId, status = "Failed", detail = "It could not be applied and was set aside; submit your position again." }),
            _ => Problems.Of(Rejection.NotFound("submission-not-found", $"You have no submission {submissionId} in this session.")),
        };
    }

    private static async Task<IResult?> Receipt(IQuerySession store, Guid submissionId, SessionState session, SessionCaller caller)
    {
        var receipt = await store.LoadAsync<PositionReceipt>(submissionId);
        return receipt is null || receipt.SessionId != session.Id || receipt.AccountId != caller.Actor.AccountId
            ? null
            : Results.Ok(new { submissionId, status = receipt.Status.ToString(), rule = receipt.Rule, detail = receipt.Detail, at = receipt.At });
    }

    private enum Inbox { None = 0, Queued = 1, DeadLetter = 2 }

    /// <summary>
    /// The queued message is the serialised <see cref="PositionSubmission"/>, which names the submission, the session and
    /// the sender: all three must be in one envelope. Handled envelopes keep no body, so only waiting ones match.
    /// </summary>
    private static async Task<Inbox> Waiting(IQuerySession store, Guid submissionId, Guid sessionId, Guid accountId)
    {
        var schema = store.DocumentStore.Options.DatabaseSchemaName;
        const string Match = "position(convert_to(?, 'UTF8') in body) > 0 and position(convert_to(?, 'UTF8') in body) > 0 and position(convert_to(?, 'UTF8') in body) > 0";
        var found = await store.QueryAsync<int>(
            $"select case when exists (select 1 from {schema}.wolverine_incoming_envelopes where {Match}) then 1 " +
            $"when exists (select 1 from {schema}.wolverine_dead_letters where {Match}) then 2 else 0 end",
            submissionId.ToString(), sessionId.ToString(), accountId.ToString(), submissionId.ToString(), sessionId.ToString(), accountId.ToString());
        return (Inbox)found.Single();
    }
}
