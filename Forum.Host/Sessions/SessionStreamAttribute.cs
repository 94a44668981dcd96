namespace Forum.Host.Sessions;

/// <summary>
/// The session a write endpoint acts on: the stream named by the route's <c>sessionId</c>, loaded under its exclusive lock, so
/// commands on one session run one after another and never surface a concurrency error (ADR 0007). Not required: the
/// session door, not Wolverine, answers a missing session, naming our own rule (ADR 0012).
/// </summary>
public sealed class SessionStreamAttribute : WriteAggregateAttribute
{
    public SessionStreamAttribute() : base("sessionId")
    {
        Required = false;
        LoadStyle = ConcurrencyStyle.Exclusive;
    }
}
