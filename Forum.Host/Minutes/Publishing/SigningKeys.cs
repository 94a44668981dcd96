using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Forum.Host.Minutes.Publishing;

public sealed record SigningKey(string KeyId, X509Certificate2 Certificate, bool Current);

/// <summary>
/// The certificate that signs minutes: the forum's own from configuration (Signing:CertificatePath, a PKCS#12 file,
/// with Signing:CertificatePassword), else one generated on first run for development. Every certificate ever used
/// keeps its public part in {Forum:DataDirectory}/keys/signing/{keyId}.pem, so minutes signed before a rotation stay
/// verifiable; /.well-known/forum-keys serves them all. Key id: the certificate's SHA-256 thumbprint, lowercase hex.
/// </summary>
public sealed class SigningKeys
{
    private readonly string _folder;
    private readonly string? _configuredPath;
    private readonly string? _configuredPassword;
    private readonly object _gate = new();
    private X509Certificate2? _current;

    public SigningKeys(IConfiguration config)
        : this(Path.Combine(config["Forum:DataDirectory"] ?? ".data", "keys", "signing"), config["Signing:CertificatePath"], config["Signing:CertificatePassword"]) { }

    public SigningKeys(string folder, string? certificatePath = null, string? certificatePassword = null)
    {
        _folder = folder;
        _configuredPath = string.IsNullOrWhiteSpace(certificatePath) ? null : certificatePath;
        _configuredPassword = certificatePassword;
    }

    public string Folder => _folder;
    private string DevelopmentKey => Path.Combine(_folder, "current.pfx");

    public static string KeyIdOf(X509Certificate2 cert) => Convert.ToHexStringLower(cert.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>The certificate with its private key that signs now.</summary>
    public X509Certificate2 Current
    {
        get
        {
            if (_current is not null) return _current;
            lock (_gate)
            {
                if (_current is not null) return _current;
                Directory.CreateDirectory(_folder);
                X509Certificate2 cert;
                if (_configuredPath is not null)
                    cert = X509CertificateLoader.LoadPkcs12FromFile(_configuredPath, _configuredPassword, X509KeyStorageFlags.EphemeralKeySet);
                else if (File.Exists(DevelopmentKey))
                    cert = X509CertificateLoader.LoadPkcs12FromFile(DevelopmentKey, null, X509KeyStorageFlags.EphemeralKeySet);
                else
                {
                    cert = Generate("Forum minutes signing (development)");
                    File.WriteAllBytes(DevelopmentKey, cert.Export(X509ContentType.Pkcs12));
                    if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(DevelopmentKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                if (!cert.HasPrivateKey) throw new InvalidOperationException("The signing certificate has no private key.");
                KeepPublic(cert);
                return _current = cert;
            }
        }
    }

    /// <summary>Development rotation: the current key is retired (its certificate stays for verification) and a new one made.</summary>
    public SigningKey Rotate()
    {
        lock (_gate)
        {
            if (_configuredPath is not null)
                throw new InvalidOperationException("The signing certificate comes from configuration: rotate it by configuring the new one (Signing:CertificatePath).");
            var old = Current;
            KeepPublic(old);
            File.Delete(DevelopmentKey);
            _current = null;
        }
        var cert = Current;
        return new SigningKey(KeyIdOf(cert), cert, true);
    }

    /// <summary>Current and retired certificates (public parts), current first.</summary>
    public IReadOnlyList<SigningKey> All()
    {
        var current = Current;
        var currentId = KeyIdOf(current);
        var keys = new List<SigningKey> { new(currentId, X509CertificateLoader.LoadCertificate(current.RawData), true) };
        foreach (var file in Directory.EnumerateFiles(_folder, "*.pem").Order(StringComparer.Ordinal))
        {
            X509Certificate2 cert;
            try { cert = X509Certificate2.CreateFromPem(File.ReadAllText(file)); }
            catch (CryptographicException) { continue; }
            var id = KeyIdOf(cert);
            if (keys.All(k => k.KeyId != id)) keys.Add(new SigningKey(id, cert, false));
        }
        return keys;
    }

    public X509Certificate2? Find(string keyId) =>
        All().FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.OrdinalIgnoreCase))?.Certificate;

    public static X509Certificate2 Generate(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={subject}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var cert = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
        // Round trip through PKCS#12 so the private key is usable on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
    }

    public static string Pem(X509Certificate2 cert) => cert.ExportCertificatePem();

    private void KeepPublic(X509Certificate2 cert)
    {
        var path = Path.Combine(_folder, KeyIdOf(cert) + ".pem");
        if (!File.Exists(path)) File.WriteAllText(path, Pem(cert) + "\n");
    }
}
