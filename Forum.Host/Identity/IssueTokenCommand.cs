using JasperFx.CommandLine;

namespace Forum.Host.Identity;

public sealed class IssueTokenInput : NetCoreInput
{
    [Description("The account's e-mail address (created if it does not exist)")]
    public string Email { get; set; } = "";

    [Description("A name for the token, e.g. 'room display'")]
    [FlagAlias("name", 'n')]
    public string NameFlag { get; set; } = "operator";
}

[Description("Issues a personal API token for an account and prints it once", Name = "issue-token")]
public sealed class IssueTokenCommand : JasperFxAsyncCommand<IssueTokenInput>
{
    public override async Task<bool> Execute(IssueTokenInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        var now = TimeProvider.System.GetUtcNow();
        var account = await session.FindOrCreate(input.Email, now);
        session.IssueToken(account, input.NameFlag, now, out var secret);
        await session.SaveChangesAsync();
        Console.WriteLine(secret);
        return true;
    }
}
