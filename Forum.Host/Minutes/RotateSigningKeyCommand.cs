using Forum.Host.Minutes.Publishing;
using JasperFx.CommandLine;

namespace Forum.Host.Minutes;

public sealed class RotateSigningKeyInput : NetCoreInput;

[Description("Retires the minutes signing key and makes a new one; minutes signed before stay verifiable with the retired key (/.well-known/forum-keys)", Name = "rotate-signing-key")]
public sealed class RotateSigningKeyCommand : JasperFxCommand<RotateSigningKeyInput>
{
    public override bool Execute(RotateSigningKeyInput input)
    {
        using var host = input.BuildHost();
        var keys = host.Services.GetRequiredService<SigningKeys>();
        return Run(Console.Out, keys);
    }

    public static bool Run(TextWriter output, SigningKeys keys)
    {
        if (keys.Configured)
        {
            var current = keys.Current;
            output.WriteLine($"rotate-signing-key: the signing certificate comes from Signing:CertificatePath (key {SigningKeys.KeyIdOf(current)}, {current.Subject}).");
            output.WriteLine("Install the new certificate at that path, or point Signing:CertificatePath (and Signing:CertificatePassword) at it (README,");
            output.WriteLine("\"A forum's own certificate\"); the key it replaces stays published as retired and keeps verifying the minutes it signed.");
            return false;
        }
        var (retired, now) = keys.Rotate();
        output.WriteLine($"retired:  {retired.KeyId}  ({retired.Certificate.Subject}); it stays at /.well-known/forum-keys for the minutes it signed");
        output.WriteLine($"current:  {now.KeyId}  ({now.Certificate.Subject}); running hosts sign with it from their next publication");
        return true;
    }
}
