using System.Text.Json;

namespace Forum.Tests.Reports;

/// <summary>Reading the report as a client does: a row by its id, an overall figure by its name.</summary>
public static class OgpReportJson
{
    public static JsonElement RowOf(JsonElement report, string id) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    public static double FigureOf(JsonElement row, string name) =>
        row.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();
}
