namespace Forum.Host.Infrastructure;

/// <summary>The <c>Forum</c> configuration section (environment variables <c>Forum__*</c>).</summary>
public sealed class ForumOptions
{
    public string PublicUrl { get; set; } = "http://localhost:5080";
    public string? SecretariatEmail { get; set; }
    /// <summary>Where mail without an SMTP host, keys and other local state go.</summary>
    public string DataDirectory { get; set; } = ".data";
    /// <summary>Print a fresh sign-in link for the secretariat on every start (./run.sh sets it), not only when the account is created.</summary>
    public bool PrintSignInLinkOnStart { get; set; }
    public int SignInLinkMinutes { get; set; } = 15;
    /// <summary>Sign-in link requests per address per 15 minutes, and per client address per minute.</summary>
    public int SignInLinksPerAddress { get; set; } = 5;
    public int SignInLinksPerClient { get; set; } = 30;

    public string Link(string path) => PublicUrl.TrimEnd('/') + path;
}
