using System.Text;
using CsvHelper;
using Forum.Tests.Support;

namespace Forum.Tests.ActionPlans;

[Collection(ApiCollection.Name)]
public class OpenDataApiTests(ApiFixture fixture) : ActionPlanContext(fixture)
{
    [Fact]
    public async Task The_plan_is_open_data_one_row_per_milestone_and_a_calendar_of_deadlines()
    {
        var w = await World();
        var (commitment, overdue, upcoming) = await AdoptedCommitment(w);
        await PostJson(w.Reporter.Token, $"/api/commitments/{commitment}/progress", new { completion = "Substantial", note = "On track, \"mostly\", with commas" });
        await PostJson(w.Secretariat, w.Plan("/commitments"), CommitmentBody(w, "Без етапів: відкриті контракти"));

        var csv = await Send(null, s => s.Get.Url(w.Plan(".csv")), 200);
        csv.Context.Response.ContentType!.ShouldStartWith("text/csv");
        using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(await csv.ReadAsTextAsync())), null, false);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(new[] { "commitment_number", "commitment_title", "milestone_id", "milestone_overdue", "government_level", "lead_institution", "ogp_values", "commitment_status" }
                .ToDictionary(c => c, c => reader.GetString(c)));
        rows.Count.ShouldBe(3);
        var overdueRow = rows.Single(r => r["milestone_id"] == overdue.ToString());
        overdueRow["milestone_overdue"].ShouldBe("true");
        overdueRow["government_level"].ShouldBe("Substantial");
        overdueRow["lead_institution"].ShouldBe("Ministry of Justice");
        overdueRow["ogp_values"].ShouldBe("Transparency; PublicAccountability");
        overdueRow["commitment_status"].ShouldBe("Adopted");
        rows.Single(r => r["milestone_id"] == upcoming.ToString())["milestone_overdue"].ShouldBe("false");
        rows.Single(r => r["commitment_number"] == "2")["commitment_title"].ShouldBe("Без етапів: відкриті контракти");
        rows.Single(r => r["commitment_number"] == "2")["milestone_id"].ShouldBe("");

        var json = await GetJson(null, w.Plan(".json"));
        json.GetArrayLength().ShouldBe(3);
        json[0].GetProperty("plan_title").GetString().ShouldBe("National Action Plan 2026–2028");

        var ics = await (await Send(null, s => s.Get.Url(w.Plan("/milestones.ics")), 200)).ReadAsTextAsync();
        ics.ShouldContain("BEGIN:VCALENDAR");
        ics.ShouldContain($"UID:{overdue}@forum");
        ics.ShouldContain($"DTSTART;VALUE=DATE:{w.Today.AddDays(-1):yyyyMMdd}");
        System.Text.RegularExpressions.Regex.Count(ics, "BEGIN:VEVENT").ShouldBe(2);
        ShouldBeProblem(await GetJson(null, $"/api/action-plans/{Guid.NewGuid()}.csv", 404), 404, "action-plan-not-found");
    }
}
