using System.Threading.RateLimiting;
using Forum.Domain.Common;
using Forum.Host.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using System.Security.Claims;
using Wolverine.Http;

namespace Forum.Host.ActionPlans.CoCreation;

/// <summary>
/// The framework's rate limiters, partitioned by account and by client address, in front of the public proposal form: one
/// address cannot flood a plan's co-creation (as sign-in links are limited, Identity/SignInEndpoints).
/// </summary>
public sealed class ProposalRateLimits(IOptions<ActionPlanOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
            { PermitLimit = options.Value.ProposalsPerAccountPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
    private readonly PartitionedRateLimiter<string> _perClient = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            { PermitLimit = options.Value.ProposalsPerClientPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));

    /// <summary>Runs before the proposal endpoint; a refusal is 429 naming the rule, and nothing is appended.</summary>
    public ProblemDetails Check(ClaimsPrincipal user, HttpContext http)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return WolverineContinue.NoProblems; // the door answers 401
        using var byClient = _perClient.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "local");
        using var byAccount = byClient.IsAcquired ? _perAccount.AttemptAcquire(actor.AccountId.ToString()) : null;
        if (byAccount?.IsAcquired == true) return WolverineContinue.NoProblems;
        http.Response.Headers.RetryAfter = "3600";
        var problem = Infrastructure.Problems.Details(Rejection.Conflict("proposal-rate-limited",
            "Too many proposals were sent from this account or address in the last hour; wait a while and send the rest."));
        problem.Status = StatusCodes.Status429TooManyRequests;
        problem.Title = "Too many proposals";
        return problem;
    }

    public void Dispose() { _perAccount.Dispose(); _perClient.Dispose(); }
}
