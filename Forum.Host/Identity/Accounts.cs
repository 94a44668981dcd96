using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Forum.Host.Identity;

/// <summary>A person, known by e-mail. The same person may be a member of several forums.</summary>
public sealed class Account
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public bool IsAdministrator { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    /// <summary>The language the person chose for pages, mail and messages (PUT /api/me/preferences); null: their browser's.</summary>
    public string? Language { get; set; }
}

/// <summary>A one-time sign-in link, stored by the SHA-256 of its token only.</summary>
public sealed class SignInLink
{
    public string Id { get; set; } = "";
    public string Email { get; set; } = "";
    public string? ReturnUrl { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>A personal API token (bearer), stored by the SHA-256 of its secret only.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>A room display's token: it reads this session's board and follows it live, nothing else.</summary>
    public Guid? DisplaySessionId { get; set; }
}

public static class Secrets
{
    public static string NewToken(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public static class AccountStore
{
    public static void AddIdentityDocuments(this StoreOptions opts)
    {
        opts.Schema.For<Account>().UniqueIndex(x => x.Email);
        // Optimistic concurrency: of two clicks on one link racing, only one signs in.
        opts.Schema.For<SignInLink>().UseOptimisticConcurrency(true);
        opts.Schema.For<ApiToken>().UniqueIndex(x => x.Hash).Index(x => x.AccountId);
    }

    public static Task<Account?> FindByEmail(this IQuerySession session, string email, CancellationToken ct = default) =>
        session.Query<Account>().FirstOrDefaultAsync(a => a.Email == Actor.NormaliseEmail(email), ct);

    /// <summary>Accounts are created on first sign-in; the same address always finds the same account.</summary>
    public static async Task<Account> FindOrCreate(this IDocumentSession session, string email, DateTimeOffset now, bool administrator = false)
    {
        var account = await session.FindByEmail(email);
        if (account is not null) return account;
        account = new Account { Id = Guid.CreateVersion7(), Email = Actor.NormaliseEmail(email), IsAdministrator = administrator, CreatedAt = now };
        session.Store(account);
        return account;
    }

    public static ApiToken IssueToken(this IDocumentSession session, Account account, string name, DateTimeOffset now, out string secret,
        Guid? displaySessionId = null)
    {
        secret = Secrets.NewToken("fk_");
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(), AccountId = account.Id, Name = name, Hash = Secrets.Hash(secret), CreatedAt = now, DisplaySessionId = displaySessionId,
        };
        session.Store(token);
        return token;
    }

    public static string IssueSignInLink(this IDocumentSession session, string email, string? returnUrl, DateTimeOffset expiresAt)
    {
        var secret = Secrets.NewToken("");
        session.Store(new SignInLink { Id = Secrets.Hash(secret), Email = Actor.NormaliseEmail(email), ReturnUrl = returnUrl, ExpiresAt = expiresAt });
        return secret;
    }
}

public static class ForumClaims
{
    public const string AccountId = "forum:account", Email = "forum:email", Administrator = "forum:admin", DisplaySession = "forum:display-session",
        Language = "forum:language", TokenId = "forum:token";

    /// <summary>The personal API token a caller came with, or null for a cookie.</summary>
    public static Guid? TokenIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(TokenId)?.Value, out var id) ? id : null;

    /// <summary>The session a room display's token is limited to, or null for a person.</summary>
    public static Guid? DisplaySessionOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(DisplaySession)?.Value, out var id) ? id : null;

    public static ClaimsPrincipal Principal(Account account, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(AccountId, account.Id.ToString()),
        new Claim(Email, account.Email),
        new Claim(ClaimTypes.Name, account.Email),
        new Claim(Administrator, account.IsAdministrator ? "true" : "false"),
        .. account.Language is { } language ? [new Claim(Language, language)] : Array.Empty<Claim>(),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The signed-in person, or null for an anonymous caller.</summary>
    public static Actor? ActorOf(ClaimsPrincipal? user) =>
        user?.FindFirst(AccountId)?.Value is { } id && user.FindFirst(Email)?.Value is { } email
            ? new Actor(Guid.Parse(id), email, user.FindFirst(Administrator)?.Value == "true")
            : null;
}
