using System.Text.RegularExpressions;
using Forum.Host.Localisation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Web;

/// <summary>Pages in Georgian and Armenian script, read as a person reads them: real words, no keys, tables that fit a phone.</summary>
[Collection(BrowserCollection.Name)]
public class LanguagePageTests(BrowserFixture fixture) : WebWorldContext(fixture)
{
    /// <summary>A key such as "session.yourPart" shown where its text should be: the namespaces of the strings files.</summary>
    private static readonly Regex ShownKey = new(
        $@"\b({string.Join('|', Strings.Files[Languages.Default].Keys.Select(k => Regex.Escape(k.Split('.')[0])).Distinct())})\.[a-zA-Z]+\b");

    internal static async Task ShowsNoKey(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        ShownKey.Matches(text).Select(m => m.Value).ShouldBeEmpty();
    }

    private async Task PositionsOnTheItem(WebWorld w)
    {
        await Post(w.Chair.Token, w.Session("/open"));
        foreach (var p in new[] { w.Chair, w.CsoChair, w.Ani, w.Nino })
            await Post(p.Token, w.Session("/check-in"), new { presence = "Online" });
        await Post(w.Chair.Token, w.Item("/open"));
        await Post(w.Chair.Token, w.Item("/proposal"), new { text = "Publish the register by June." });
        await Post(w.Ani.Token, w.Item("/positions"), new { stance = "SupportWithReservations", statement = "With funding." });
        await Post(w.Nino.Token, w.Item("/positions"), new { stance = "Block", statement = "Sanctions first." });
        await Post(w.CsoChair.Token, w.Item("/positions"), new { stance = "Block", statement = "Agreed with Nino." });
    }

    [Fact]
    public async Task A_participant_reads_the_session_in_Georgian_on_a_phone_and_the_tallies_fit_the_screen()
    {
        var w = await World();
        await PositionsOnTheItem(w);
        var nino = await SignedIn(w.Nino.Email, $"/sessions/{w.SessionId}?lang=ka", phone: true);

        await Expect(nino.Locator("html")).ToHaveAttributeAsync("lang", "ka");
        await Expect(nino.GetByRole(AriaRole.Heading, new() { Name = "თქვენი მონაწილეობა" })).ToBeVisibleAsync();
        await Expect(nino.Locator("#presence")).ToHaveTextAsync("დარეგისტრირებული ხართ: ონლაინ.");
        await Expect(nino.Locator("#quorum-line")).ToContainTextAsync("კვორუმი არის — ესწრება ხმის უფლების მქონე 5 წევრიდან 4;");
        await Expect(nino.GetByRole(AriaRole.Button, new() { Name = "ხელის აწევა" })).ToBeVisibleAsync();
        var tallies = nino.Locator("#tallies");
        await Expect(tallies.Locator("caption")).ToHaveTextAsync("პოზიციების ჯამი ჯგუფების მიხედვით");
        await Expect(tallies.Locator("tr[data-group=CivilSociety] th")).ToHaveTextAsync("სამოქალაქო საზოგადოება");
        await Expect(tallies.Locator("tr[data-group=CivilSociety] td[data-stance=Block]")).ToHaveTextAsync("2");
        await Expect(nino.Locator("[data-group=Government] li")).ToContainTextAsync("მხარს ვუჭერ დათქმებით");
        await ShowsNoKey(nino);

        await Screenshot(nino, "participant-phone-ka");
        // The whole table is on the screen: nothing cut off, nothing to scroll sideways.
        var fits = await nino.EvaluateAsync<bool[]>(@"() => {
            const table = document.querySelector('#tallies');
            const box = table.getBoundingClientRect();
            return [box.left >= 0 && box.right <= window.innerWidth, document.documentElement.scrollWidth <= window.innerWidth,
              table.parentElement.scrollWidth <= table.parentElement.clientWidth];
        }");
        fits.ShouldBe([true, true, true]);
    }

    [Fact]
    public async Task A_co_chair_runs_the_console_in_Armenian_with_its_plurals_and_script()
    {
        var w = await World();
        await PositionsOnTheItem(w);
        var chair = await SignedIn(w.Chair.Email, $"/sessions/{w.SessionId}/console?lang=hy");

        await Expect(chair.Locator("html")).ToHaveAttributeAsync("lang", "hy");
        await Expect(chair).ToHaveTitleAsync($"Համանախագահի վահանակ — {WebWorld.SessionTitle}");
        await Expect(chair.GetByRole(AriaRole.Heading, new() { Name = "Արձանագրել որոշումը" })).ToBeVisibleAsync();
        await Expect(chair.GetByRole(AriaRole.Button, new() { Name = "Փակել նիստը" })).ToBeVisibleAsync();
        await Expect(chair.Locator("#gap-summary")).ToHaveTextAsync("Կոնսենսուսի խզում՝ 100 տոկոսային կետ «Կառավարություն» և «Քաղաքացիական հասարակություն» խմբերի միջև։");
        await Expect(chair.Locator("#gap .alert")).ToContainTextAsync("Գործող արգելափակումներ՝ 2։");
        await Expect(chair.Locator("#gap-table tr[data-group=Government] td").Nth(2)).ToHaveTextAsync("100%");
        await Expect(chair.GetByLabel("Պատասխան՝ ნინო ბერიძე (Արգելափակում եմ) (պարտադիր)")).ToBeVisibleAsync();
        await ShowsNoKey(chair);

        // A refusal reads in Armenian too, by its rule.
        await chair.GetByLabel("Արդյունք").SelectOptionAsync("ConsensusReached");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Արձանագրել որոշումը" }).ClickAsync();
        await Expect(chair.Locator("#decision-alert")).ToHaveTextAsync(
            "Քանի դեռ արգելափակումն ուժի մեջ է, կոնսենսուս արձանագրել հնարավոր չէ․ արձանագրեք «Կոնսենսուս ձեռք չի բերվել», «Հետաձգվել է» կամ քվեարկություն, եթե կանոնները թույլ են տալիս։");
        await Screenshot(chair, "console-hy");

        // The choice is kept: the account now reads Armenian without asking again.
        await chair.GetByLabel("Լեզու").SelectOptionAsync("ro");
        await Expect(chair.Locator("html")).ToHaveAttributeAsync("lang", "ro");
        await chair.GotoAsync("/");
        await Expect(chair.GetByRole(AriaRole.Heading, new() { Name = "Forumurile mele" }).First).ToBeVisibleAsync();
    }
}
