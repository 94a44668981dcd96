using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Host.Identity;

/// <summary>
/// The door of every endpoint that asks for an <see cref="Actor"/> and no stream of its own: the signed-in person, or 401.
/// Applied by policy (<see cref="Doors"/>); endpoints that take a forum, session or minutes stream get the actor from that
/// stream's door instead, which also says 401 before anything else.
/// </summary>
public static class SignedIn
{
    public static (Actor?, ProblemDetails) Load(ClaimsPrincipal user) =>
        ForumClaims.ActorOf(user) is { } actor
            ? (actor, WolverineContinue.NoProblems)
            : (null, Problems.Details(Rejection.Unauthenticated()));
}
