using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Identity;
using Forum.Tests.Support;

namespace Forum.Tests.Identity;

public class AccessRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ForumId = Guid.Parse("0193f000-0000-7000-8000-000000000001");
    private static readonly Guid Session = Guid.Parse("0193f000-0000-7000-8000-000000000051");
    private static readonly Actor Admin = new(Guid.Parse("0193f000-0000-7000-8000-0000000000a1"), "admin@forum.test", true);
    private static readonly Actor Observer = new(Guid.Parse("0193f000-0000-7000-8000-0000000000b2"), "press@forum.test", false);
    private static readonly Actor Outsider = new(Guid.Parse("0193f000-0000-7000-8000-0000000000c3"), "someone@else.test", false);

    private static readonly ForumState Forum = Spec<ForumState>.Fold(
    [
        new ForumEstablished(ForumId, "Open Government Forum of Moldova", "Moldova", "en", "", Admin.AccountId, Now),
        new MemberAdmitted(ForumId, Guid.NewGuid(), "Press", Observer.Email, "News", StakeholderGroup.Other, MemberRole.Observer, Admin.AccountId, Now),
    ]);

    [Fact]
    public void Given_a_forum_When_someone_outside_it_asks_Then_not_found_without_its_name()
    {
        foreach (var needed in new[] { ForumRole.Observer, ForumRole.Member, ForumRole.Secretariat })
        {
            var refused = ForumAccess.Require(Forum, Outsider, needed, "do this")!;
            refused.Kind.ShouldBe(RejectionKind.NotFound);
            refused.Rule.ShouldBe("forum-members-only");
            refused.Detail.ShouldNotContain("Moldova");
        }
    }

    [Fact]
    public void Given_a_forum_When_an_observer_asks_for_the_secretariats_work_Then_forbidden_naming_the_role() =>
        ForumAccess.Require(Forum, Observer, ForumRole.Secretariat, "admit members").ShouldSatisfyAllConditions(
            r => r!.Kind.ShouldBe(RejectionKind.Forbidden), r => r!.Rule.ShouldBe("secretariat-only"));

    [Fact]
    public void Given_a_display_token_When_it_reads_or_follows_its_own_session_Then_allowed()
    {
        DisplayTokens.MayUse(Session, TokenUse.ReadBoard, Session).ShouldBeNull();
        DisplayTokens.MayUse(Session, TokenUse.FollowLive, Session).ShouldBeNull();
        // Opening the hub connection names no session yet; Join does.
        DisplayTokens.MayUse(Session, TokenUse.FollowLive, null).ShouldBeNull();
    }

    [Fact]
    public void Given_a_display_token_When_it_reads_another_session_or_does_anything_else_Then_refused()
    {
        var other = Guid.NewGuid();
        DisplayTokens.MayUse(Session, TokenUse.ReadBoard, other)!.Rule.ShouldBe("display-token-scope");
        DisplayTokens.MayUse(Session, TokenUse.FollowLive, other)!.Rule.ShouldBe("display-token-scope");
        DisplayTokens.MayUse(Session, TokenUse.Other, Session)!.Rule.ShouldBe("display-token-scope");
        DisplayTokens.MayUse(Session, TokenUse.Other, null)!.Kind.ShouldBe(RejectionKind.Forbidden);
    }

    [Theory]
    [InlineData("a\u0000b", 0x0000)]
    [InlineData("bell\u0007", 0x0007)]
    [InlineData("esc\u001b[31m", 0x001B)]
    [InlineData("del\u007f", 0x007F)]
    [InlineData("c1\u0085", 0x0085)]
    public void Given_text_with_a_control_character_Then_refused_naming_the_field_and_the_character(string value, int code)
    {
        var refused = Input.Text("statement", value)!;
        refused.Rule.ShouldBe("control-character");
        refused.Field.ShouldBe("statement");
        refused.Detail.ShouldContain($"U+{code:X4}");
    }

    [Theory]
    [InlineData("Line one\nline two\r\n\tindented")]
    [InlineData("Українська, ქართული, Հայերեն, Română — emoji 🙂")]
    [InlineData("")]
    public void Given_text_with_line_breaks_tabs_and_any_script_Then_accepted(string value) =>
        Input.Text("statement", value).ShouldBeNull();
}
