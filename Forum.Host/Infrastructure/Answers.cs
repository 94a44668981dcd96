namespace Forum.Host.Infrastructure;

/// <summary>
/// A rule's verdict as an endpoint's answer (ADR 0012): the events for Wolverine to append to the stream it loaded, or the
/// named refusal as problem details with nothing appended.
/// </summary>
public static class Answers
{
    public static (IResult, Events) Answer(this Verdict verdict, IResult accepted) =>
        verdict.Rejection is { } r ? (Problems.Of(r), new Events()) : (accepted, new Events(verdict.Events));

    /// <summary>A session command answers with the version its events brought the session to.</summary>
    public static (IResult, Events) Answer(this Verdict verdict, SessionCaller session) =>
        verdict.Answer(Results.Ok(new { sessionId = session.SessionId, version = session.Version + verdict.Events.Count }));

    /// <summary>
    /// With a follow-up: the message that <paramref name="followUp"/> makes of the appended events goes out through the
    /// outbox, so only if they commit; a command that changed nothing (or was refused) sends nothing.
    /// </summary>
    public static (IResult, Events, OutgoingMessages) Answer(this Verdict verdict, SessionCaller session, Func<IReadOnlyList<object>, object?> followUp) =>
        WithFollowUp(verdict.Answer(session), followUp);

    public static (IResult, Events, OutgoingMessages) Answer(this Verdict verdict, IResult accepted, Func<IReadOnlyList<object>, object?> followUp) =>
        WithFollowUp(verdict.Answer(accepted), followUp);

    private static (IResult, Events, OutgoingMessages) WithFollowUp((IResult Result, Events Events) answer, Func<IReadOnlyList<object>, object?> followUp)
    {
        var outgoing = new OutgoingMessages();
        if (answer.Events.Count > 0 && followUp(answer.Events) is { } message) outgoing.Add(message);
        return (answer.Result, answer.Events, outgoing);
    }

    /// <summary>A new stream: 201 with its id, or the refusal and no stream.</summary>
    public static (IResult, IMartenOp) Start<TState>(this Verdict verdict, Guid id, IResult created) where TState : class =>
        verdict.Rejection is { } r ? (Problems.Of(r), MartenOps.Nothing()) : (created, MartenOps.StartStream<TState>(id, [.. verdict.Events]));
}
