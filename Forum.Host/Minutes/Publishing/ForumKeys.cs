using System.Security.Cryptography.X509Certificates;

namespace Forum.Host.Minutes.Publishing;

public static class ForumKeysEndpoint
{
    /// <summary>Every signing key, current and retired, so minutes signed years ago still verify.</summary>
    [WolverineGet("/.well-known/forum-keys"), Tags("Minutes")]
    public static IResult Get(SigningKeys keys) => Results.Ok(new
    {
        keys = keys.All().Select(k => new
        {
            k.KeyId, status = k.Current ? "current" : "retired",
            algorithm = k.Certificate.GetECDsaPublicKey() is not null ? "ES256" : "RS256",
            subject = k.Certificate.Subject, notBefore = k.Certificate.NotBefore.ToUniversalTime(), notAfter = k.Certificate.NotAfter.ToUniversalTime(),
            certificate = SigningKeys.Pem(k.Certificate),
        }),
    });
}
