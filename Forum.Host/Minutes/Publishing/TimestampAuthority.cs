using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Forum.Host.Minutes.Publishing;

/// <summary>The configured time-stamping authority could not be reached or gave no valid token: nothing is published.</summary>
public sealed class TimestampUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// An RFC 3161 time-stamping authority over HTTP (<c>Signing:TimestampUrl</c>): it stamps a signature's value, which makes
/// the PDF signature PAdES B-T. Without the setting, minutes are signed B-B (no token).
/// </summary>
public sealed class TimestampAuthority(IHttpClientFactory clients, IConfiguration config)
{
    public const string HttpClientName = "timestamp-authority";

    /// <summary>Room for a token: the authority's signed TSTInfo and, as asked for, its certificates.</summary>
    public const int MaxTokenSize = 16_384;

    public Uri? Url { get; } = Uri.TryCreate(config["Signing:TimestampUrl"], UriKind.Absolute, out var url) ? url : null;

    public bool IsConfigured => Url is not null;

    public async Task<Rfc3161TimestampToken> StampAsync(SignerInfo signer, CancellationToken ct)
    {
        var nonce = RandomNumberGenerator.GetBytes(8);
        nonce[0] &= 0x7F; // a positive INTEGER
        var request = Rfc3161TimestampRequest.CreateFromSignerInfo(signer, HashAlgorithmName.SHA256, nonce: nonce, requestSignerCertificates: true);
        using var body = new ByteArrayContent(request.Encode());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        byte[] reply;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).PostAsync(Url, body, ct);
            if (!response.IsSuccessStatusCode)
                throw new TimestampUnavailableException($"The time-stamping authority {Url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            reply = await response.Content.ReadAsByteArrayAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new TimestampUnavailableException($"The time-stamping authority {Url} could not be reached: {e.Message}", e);
        }
        try
        {
            // Checks the status, that the token is over our signature's hash, and the nonce.
            return request.ProcessResponse(reply, out _);
        }
        catch (CryptographicException e)
        {
            throw new TimestampUnavailableException($"The time-stamping authority {Url} gave no valid token: {e.Message}", e);
        }
    }
}
