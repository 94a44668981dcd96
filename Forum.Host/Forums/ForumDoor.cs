using System.Security.Claims;
using Forum.Host.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Host.Forums;

/// <summary>
/// The door of every endpoint that takes a <see cref="ForumState"/>: anonymous callers learn nothing (401), not even
/// whether the forum exists; then an unknown forum is 404. Who may do what in it is each rule's own business (ForumAccess).
/// </summary>
public static class ForumDoor
{
    public static (Actor?, ProblemDetails) Load(Guid forumId, ForumState? forum, ClaimsPrincipal user)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return (null, Problems.Details(Rejection.Unauthenticated()));
        if (forum is null) return (null, Problems.Details(ForumDecider.ForumNotFound(forumId)));
        return (actor, WolverineContinue.NoProblems);
    }
}
