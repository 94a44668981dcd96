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
    private Loaded? _loaded;

    /// <summary>The signing certificate as loaded, its issuers from the same PKCS#12, and the file's state when read.</summary>
    private sealed record Loaded(X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Chain, (DateTime, long) Stamp);

    public SigningKeys(IConfiguration config)
        : this(Path.Combine(config["Forum:DataDirectory"] ?? ".data", "keys", "signing"), config["Signing:CertificatePath"], config["Signing:CertificatePassword"]) { }

    public SigningKeys(string folder, string? certificatePath = null, string? certificatePassword = null)
    {
        _folder = folder;
        _configuredPath = string.IsNullOrWhiteSpace(certificatePath) ? null : certificatePath;
        _configuredPassword = certificatePassword;
    }

    private string DevelopmentKey => Path.Combine(_folder, "current.pfx");
    private string Source => _configuredPath ?? DevelopmentKey;

    public bool Configured => _configuredPath is not null;

    public static string KeyIdOf(X509Certificate2 cert) => Convert.ToHexStringLower(cert.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>The certificate with its private key that signs now.</summary>
    public X509Certificate2 Current => Load().Certificate;

    /// <summary>The issuers that came with the current certificate (none for the development key).</summary>
    public IReadOnlyList<X509Certificate2> CurrentChain => Load().Chain;

    private static (DateTime, long) StampOf(string path) =>
        File.Exists(path) ? (File.GetLastWriteTimeUtc(path), new FileInfo(path).Length) : default;

    // The file is looked at on every use (one stat): a key rotated by `rotate-signing-key`, or a certificate replaced at
    // its configured path, signs from the next publication on, on every host that shares the folder, without a restart.
    private Loaded Load()
    {
        var loaded = _loaded;
        if (loaded is not null && loaded.Stamp == StampOf(Source)) return loaded;
        lock (_gate)
        {
            if (_loaded is not null && _loaded.Stamp == StampOf(Source)) return _loaded;
            Directory.CreateDirectory(_folder);
            if (_configuredPath is null && !File.Exists(DevelopmentKey)) WriteDevelopmentKey();
            var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(Source, _configuredPath is null ? null : _configuredPassword, X509KeyStorageFlags.EphemeralKeySet);
            var cert = all.FirstOrDefault(c => c.HasPrivateKey) ?? throw new InvalidOperationException($"The signing certificate in {Source} has no private key.");
            KeepPublic(cert);
            return _loaded = new Loaded(cert, all.Where(c => c != cert).ToList(), StampOf(Source));
        }
    }

    private void WriteDevelopmentKey()
    {
        using var cert = Generate("Forum minutes signing (development)");
        // Written aside and moved in: a host starting at the same moment never reads half a file.
        var temporary = $"{DevelopmentKey}.{Guid.NewGuid():N}.new";
        File.WriteAllBytes(temporary, cert.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, DevelopmentKey, overwrite: true);
    }

    /// <summary>
    /// Retires the development key (its certificate stays, for verification) and makes a new one. A configured certificate
    /// is rotated by configuring the new one instead (README): the one it replaces is retired the same way.
    /// </summary>
    public (SigningKey Retired, SigningKey Current) Rotate()
    {
        if (_configuredPath is not null)
            throw new InvalidOperationException($"The signing certificate comes from configuration ({_configuredPath}): rotate it by installing the new certificate there or pointing Signing:CertificatePath at it; the one it replaces stays published as retired.");
        lock (_gate)
        {
            var old = Current;
            KeepPublic(old);
            WriteDevelopmentKey();
            _loaded = null;
            var current = Current;
            return (new SigningKey(KeyIdOf(old), old, false), new SigningKey(KeyIdOf(current), current, true));
        }
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
