using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;

namespace Forum.Tests.Minutes;

/// <summary>
/// A small RFC 3161 time-stamping authority on a loopback port, built with BouncyCastle's TSP generator: a root CA and a
/// TSA certificate (extended key usage timeStamping, critical, as RFC 3161 asks) made for the run. It answers
/// application/timestamp-query with application/timestamp-reply, as a real authority does; <see cref="Refusing"/> makes it
/// answer 503 instead, as an authority that is down.
/// </summary>
public sealed class TestTimestampAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _serial;

    public X509Certificate2 Root { get; }
    public X509Certificate2 Certificate { get; }
    public Uri Url { get; }
    public bool Refusing { get; set; }
    public int Stamped => (int)Interlocked.Read(ref _serial);

    private TestTimestampAuthority(WebApplication app, X509Certificate2 root, X509Certificate2 certificate, Uri url)
    {
        _app = app;
        Root = root;
        Certificate = certificate;
        Url = url;
    }

    public static async Task<TestTimestampAuthority> StartAsync()
    {
        var (root, tsa, tsaKey) = Certificates();
        var bcCert = DotNetUtilities.FromX509Certificate(tsa);
        var tokens = new TimeStampTokenGenerator(DotNetUtilities.GetRsaKeyPair(tsaKey).Private, bcCert, TspAlgorithms.Sha256, "1.3.6.1.4.1.55555.1.1");
        tokens.SetCertificates(CollectionUtilities.CreateStore(new[] { bcCert, DotNetUtilities.FromX509Certificate(root) }));
        var responses = new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        TestTimestampAuthority? self = null;
        app.MapPost("/tsa", async (HttpRequest request) =>
        {
            if (self!.Refusing) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var query = new TimeStampRequest(body.ToArray());
            var serial = Interlocked.Increment(ref self._serial);
            byte[] reply;
            lock (responses) reply = responses.Generate(query, BigInteger.ValueOf(serial), DateTime.UtcNow).GetEncoded();
            return Results.Bytes(reply, "application/timestamp-reply");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new TestTimestampAuthority(app, root, tsa, new Uri(address.TrimEnd('/') + "/tsa"));
        return self;
    }

    private static (X509Certificate2 Root, X509Certificate2 Tsa, RSA TsaKey) Certificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Forum test root CA", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        var tsaKey = RSA.Create(2048);
        var tsaRequest = new CertificateRequest("CN=Forum test time-stamping authority", tsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        tsaRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        tsaRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        tsaRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
        tsaRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F; // a positive INTEGER
        var tsa = tsaRequest.Create(root, now.AddDays(-1), now.AddMonths(6), serial);
        return (X509CertificateLoader.LoadCertificate(root.RawData), X509CertificateLoader.LoadCertificate(tsa.RawData), tsaKey);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
