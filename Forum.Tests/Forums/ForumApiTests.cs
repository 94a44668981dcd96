using System.Text.Json;
using Forum.Tests.Support;

namespace Forum.Tests.Forums;

[Collection(ApiCollection.Name)]
public class ForumApiTests(ApiFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(string admin, Guid forumId)> Forum()
    {
        var admin = await AdminToken();
        var created = await PostJson(admin, "/api/forums", new { name = "Anti-corruption forum", country = "Ukraine", language = "uk", description = "OGP multi-stakeholder forum" });
        return (admin, created.GetProperty("forumId").GetGuid());
    }

    private async Task<Guid> Admit(string token, Guid forumId, string name, string email, string group, string role = "Member") =>
        (await PostJson(token, $"/api/forums/{forumId}/members", new { name, email, organisation = "Org", group, role })).GetProperty("memberId").GetGuid();

    [Fact]
    public async Task Secretariat_builds_a_forum_of_three_groups_with_two_co_chairs()
    {
        var (admin, forumId) = await Forum();
        await Send(admin, s => s.Post.Json(new { email = "sec@forum.test" }).ToUrl($"/api/forums/{forumId}/secretariat"), 204);
        var sec = await TokenFor("sec@forum.test");

        var gov = await Admit(sec, forumId, "Олена Коваль", "olena@gov.test", "Government");
        var gov2 = await Admit(sec, forumId, "Ani Petrosyan", "ani@gov.test", "Government");
        var cso = await Admit(sec, forumId, "Nino Beridze", "nino@cso.test", "CivilSociety");
        await Admit(sec, forumId, "Academic", "academic@uni.test", "Other");
        await Admit(sec, forumId, "Press", "press@news.test", "Other", "Observer");

        await Send(sec, s => s.Post.Json(new { memberId = gov }).ToUrl($"/api/forums/{forumId}/co-chairs"), 204);
        await Send(sec, s => s.Post.Json(new { memberId = cso }).ToUrl($"/api/forums/{forumId}/co-chairs"), 204);

        var before = await EventCount();
        var refused = await PostJson(sec, $"/api/forums/{forumId}/co-chairs", new { memberId = gov2 }, 409);
        ShouldBeProblem(refused, 409, "one-co-chair-per-group");
        refused.GetProperty("detail").GetString()!.ShouldContain("Олена Коваль");
        (await EventCount()).ShouldBe(before);

        var roster = await GetJson(sec, $"/api/forums/{forumId}");
        roster.GetProperty("name").GetString().ShouldBe("Anti-corruption forum");
        roster.GetProperty("yourRole").GetString().ShouldBe("Secretariat");
        var members = roster.GetProperty("members").EnumerateArray().ToList();
        members.Count.ShouldBe(5);
        members.Where(m => m.GetProperty("coChair").GetBoolean()).Select(m => m.GetProperty("name").GetString())
            .ShouldBe(["Олена Коваль", "Nino Beridze"], ignoreOrder: true);
        roster.GetProperty("groups").GetProperty("Government").GetInt32().ShouldBe(2);
        roster.GetProperty("groups").GetProperty("CivilSociety").GetInt32().ShouldBe(1);
        roster.GetProperty("groups").GetProperty("Other").GetInt32().ShouldBe(2);
        members.First().GetProperty("email").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task Observer_sees_the_roster_without_addresses_and_may_not_change_it()
    {
        var (admin, forumId) = await Forum();
        await Admit(admin, forumId, "Press", "press@news.test", "Other", "Observer");
        var observer = await TokenFor("press@news.test");

        var roster = await GetJson(observer, $"/api/forums/{forumId}");
        roster.GetProperty("yourRole").GetString().ShouldBe("Observer");
        roster.GetProperty("members")[0].GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);

        var before = await EventCount();
        var refused = await PostJson(observer, $"/api/forums/{forumId}/members", new { name = "X", email = "x@x.test", group = "Other", role = "Member" }, 403);
        ShouldBeProblem(refused, 403, "secretariat-only");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Anonymous_and_outsiders_are_refused()
    {
        var (_, forumId) = await Forum();
        ShouldBeProblem(await GetJson(null, $"/api/forums/{forumId}", 401), 401, "sign-in-required");
        ShouldBeProblem(await PostJson(null, $"/api/forums/{forumId}/members", new { name = "X", email = "x@x.test", group = "Other", role = "Member" }, 401), 401, "sign-in-required");
        ShouldBeProblem(await PostJson(null, "/api/forums", new { name = "F", country = "Moldova", language = "ro" }, 401), 401, "sign-in-required");

        var outsider = await TokenFor("outsider@else.test");
        ShouldBeProblem(await GetJson(outsider, $"/api/forums/{forumId}", 404), 404, "forum-members-only");
        ShouldBeProblem(await PostJson(outsider, "/api/forums", new { name = "F", country = "Moldova", language = "ro" }, 403), 403, "administrator-only");
        (await GetJson(outsider, "/api/forums")).GetArrayLength().ShouldBe(0);

        ShouldBeProblem(await GetJson("fk_not-a-real-token", $"/api/forums/{forumId}", 401), 401, "sign-in-required");
    }

    [Fact]
    public async Task Unknown_forum_and_member_are_404()
    {
        var (admin, forumId) = await Forum();
        ShouldBeProblem(await GetJson(admin, $"/api/forums/{Guid.NewGuid()}", 404), 404, "forum-not-found");
        ShouldBeProblem(await PostJson(admin, $"/api/forums/{forumId}/co-chairs", new { memberId = Guid.NewGuid() }, 404), 404, "member-not-found");
    }

    [Theory]
    [InlineData("""{"email":"a@b.test","organisation":"O","group":"Government","role":"Member"}""", "name", "field-required")]
    [InlineData("""{"name":"A","email":"not-an-address","group":"Government","role":"Member"}""", "email", "email-invalid")]
    [InlineData("""{"name":"A","email":"a@b.test","group":"Parliament","role":"Member"}""", "group", "field-unreadable")]
    [InlineData("""{"name":"A","email":"a@b.test","group":1,"role":"Member"}""", "group", "field-unreadable")]
    [InlineData("""{"name":"A","email":"a@b.test","group":"Government"}""", "role", "field-required")]
    [InlineData("""{"name":"A","email":"a@b.test","group":"Government","role":"Member",""", "body", "json-invalid")]
    [InlineData("""not json""", "body", "json-invalid")]
    public async Task Bad_member_input_is_400_naming_the_field_and_appends_nothing(string body, string field, string rule)
    {
        var (admin, forumId) = await Forum();
        var before = await EventCount();
        var result = await Send(admin, s => s.Post.Text(body).ContentType("application/json").ToUrl($"/api/forums/{forumId}/members"), 400);
        ShouldBeProblem(await ReadJson(result), 400, rule, field);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Too_long_and_malformed_ids_are_400()
    {
        var (admin, forumId) = await Forum();
        ShouldBeProblem(await PostJson(admin, $"/api/forums/{forumId}/members", new { name = new string('x', 201), email = "a@b.test", group = "Other", role = "Member" }, 400), 400, "field-too-long", "name");
        ShouldBeProblem(await PostJson(admin, $"/api/forums/{forumId}/co-chairs", new { memberId = "not-a-guid" }, 400), 400, "field-unreadable", "memberId");
        ShouldBeProblem(await PostJson(admin, $"/api/forums/{forumId}/co-chairs", new { }, 400), 400, "field-required", "memberId");
        var malformed = await Send(admin, s => s.Get.Url("/api/forums/not-a-guid"), 400);
        ShouldBeProblem(await ReadJson(malformed), 400, "id-malformed", "forumId");
        ShouldBeProblem(await PostJson(admin, "/api/forums", new { name = "F", country = "Georgia", language = "ka", description = new string('d', 4001) }, 400), 400, "field-too-long", "description");
    }

    [Fact]
    public async Task Names_in_every_script_come_back_intact_and_markup_as_text()
    {
        var (admin, forumId) = await Forum();
        string[] names = ["Олена Коваль-Їжак", "Անի Պետրոսյան", "ნინო ბერიძე", "Ağa Məmmədov", "<script>alert('x')</script> & <b>Bold</b>"];
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
            await Admit(admin, forumId, name, $"p{i}@forum.test", "Other");

        var result = await Send(admin, s => s.Get.Url($"/api/forums/{forumId}"), 200);
        result.Context.Response.ContentType!.ShouldStartWith("application/json");
        var roster = await ReadJson(result);
        roster.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldBe(names, ignoreOrder: true);
    }

    [Fact]
    public async Task Rules_member_role_and_removal_through_the_api()
    {
        var (admin, forumId) = await Forum();
        var member = await Admit(admin, forumId, "A", "a@forum.test", "Government");
        await Send(admin, s => s.Put.Json(new { quorumShare = 0.5, parityRequired = true, voteFallback = true, voteThreshold = 0.66 }).ToUrl($"/api/forums/{forumId}/rules"), 204);
        ShouldBeProblem(await ReadJson(await Send(admin, s => s.Put.Json(new { quorumShare = 2 }).ToUrl($"/api/forums/{forumId}/rules"), 400)), 400, "quorum-share-range", "quorumShare");
        await Send(admin, s => s.Put.Json(new { role = "Observer" }).ToUrl($"/api/forums/{forumId}/members/{member}/role"), 204);
        var roster = await GetJson(admin, $"/api/forums/{forumId}");
        roster.GetProperty("rules").GetProperty("voteThreshold").GetDouble().ShouldBe(0.66);
        roster.GetProperty("members")[0].GetProperty("role").GetString().ShouldBe("Observer");
        await Send(admin, s => s.Delete.Url($"/api/forums/{forumId}/members/{member}"), 204);
        (await GetJson(admin, $"/api/forums/{forumId}")).GetProperty("members").GetArrayLength().ShouldBe(0);
        ShouldBeProblem(await ReadJson(await Send(admin, s => s.Delete.Url($"/api/forums/{forumId}/members/{member}"), 404)), 404, "member-not-found");
    }

    [Fact]
    public async Task Health_and_openapi_are_served()
    {
        await Send(null, s => s.Get.Url("/health/live"), 200);
        await Send(null, s => s.Get.Url("/health/ready"), 200);
        var openapi = await GetJson(null, "/openapi/v1.json");
        openapi.GetProperty("paths").TryGetProperty("/api/forums/{forumId}/members", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_forum_of_a_thousand_members_with_long_addresses_still_admits_and_finds_them()
    {
        var (admin, forumId) = await Forum();
        var now = DateTimeOffset.UtcNow;
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(forumId, Enumerable.Range(0, 1000).Select(i => (object)new global::Forum.Domain.Forums.MemberAdmitted(forumId, Guid.CreateVersion7(),
                $"Member {i}", $"member.number.{i}.{Guid.NewGuid():N}@ministry-of-justice.example.gov.ua", "Org", global::Forum.Domain.Forums.StakeholderGroup.Government,
                global::Forum.Domain.Forums.MemberRole.Member, Guid.Empty, now)).ToArray());
            await session.SaveChangesAsync();
        }
        var id = await Admit(admin, forumId, "One more", "one.more@forum.test", "CivilSociety");
        id.ShouldNotBe(Guid.Empty);
        var member = await TokenFor("one.more@forum.test");
        (await GetJson(member, "/api/forums")).EnumerateArray().Single().GetProperty("members").GetInt32().ShouldBe(1001);
    }
}
