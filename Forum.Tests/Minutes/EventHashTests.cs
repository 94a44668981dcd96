using Forum.Domain.Minutes;

namespace Forum.Tests.Minutes;

public class EventHashTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 10, 0, 0, 123, TimeSpan.FromHours(2));

    [Fact]
    public void The_line_of_an_event_is_version_type_utc_time_and_json_with_sorted_keys() =>
        EventHash.Line(new RecordedEvent(7, "position_submitted", At, """{ "statement": "Ї <b>", "at": 1.50, "memberId": "m", "nested": {"z": 1, "a": [true, null]} }"""))
            .ShouldBe("7\tposition_submitted\t2026-11-26T08:00:00.123000Z\t{\"at\":1.50,\"memberId\":\"m\",\"nested\":{\"a\":[true,null],\"z\":1},\"statement\":\"Ї <b>\"}\n");

    [Fact]
    public void Key_order_and_whitespace_do_not_change_the_hash_but_any_value_does()
    {
        var a = EventHash.Compute([new RecordedEvent(1, "t", At, """{"a":1,"b":"x"}""")]);
        EventHash.Compute([new RecordedEvent(1, "t", At, """{ "b" : "x", "a" : 1 }""")]).ShouldBe(a);
        EventHash.Compute([new RecordedEvent(1, "t", At, """{"a":1,"b":"y"}""")]).ShouldNotBe(a);
        EventHash.Compute([new RecordedEvent(2, "t", At, """{"a":1,"b":"x"}""")]).ShouldNotBe(a);
        EventHash.Compute([new RecordedEvent(1, "t", At.AddTicks(10), """{"a":1,"b":"x"}""")]).ShouldNotBe(a);
    }

    [Fact]
    public void The_hash_of_no_events_is_the_sha256_of_nothing() =>
        EventHash.Compute([]).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
