using Forum.Host.Forums;
using Forum.Host.Identity;
using Forum.Host.Minutes;

namespace Forum.Host.Infrastructure;

/// <summary>
/// Which door stands in front of which endpoint, decided by what the endpoint asks for (ADR 0012): a
/// <see cref="SessionCaller"/> goes through <see cref="SessionDoor"/>, a <see cref="MinutesCaller"/> through <see cref="MinutesDoor"/>, a forum stream
/// through <see cref="ForumDoor"/>, a bare
/// <see cref="Actor"/> through <see cref="SignedIn"/>. Each door answers 401/404/403 as problem details naming the rule,
/// so no endpoint repeats it.
/// </summary>
public static class Doors
{
    public static void Apply(WolverineHttpOptions o)
    {
        o.AddMiddleware(typeof(SessionDoor.Write), chain => Takes<SessionCaller>(chain) && Writes(chain));
        o.AddMiddleware(typeof(SessionDoor.Read), chain => Takes<SessionCaller>(chain) && !Writes(chain));
        o.AddMiddleware(typeof(MinutesDoor), chain => Takes<MinutesCaller>(chain));
        o.AddMiddleware(typeof(ForumDoor), chain => Takes<ForumState>(chain) && Takes<Actor>(chain));
        o.AddMiddleware(typeof(SignedIn), chain => Takes<Actor>(chain) && !Takes<ForumState>(chain));
    }

    private static bool Writes(HttpChain chain) =>
        chain.Method.Method.GetParameters().Any(p => p.GetCustomAttributes(typeof(Wolverine.Marten.WriteAggregateAttribute), false).Length > 0);

    private static bool Takes<T>(HttpChain chain) => chain.Method.Method.GetParameters().Any(p => p.ParameterType == typeof(T));
}
