using Forum.Host.Live;

namespace Forum.Tests.Sessions.Board;

public class PushPaceTests
{
    private static readonly TimeSpan Least = TimeSpan.FromMilliseconds(25);

    [Theory]
    [InlineData(0, 25)]
    [InlineData(200, 25)]
    [InlineData(500, 25)]
    [InlineData(1000, 25)]
    [InlineData(2000, 50)]
    [InlineData(4000, 100)]
    [InlineData(20000, 250)]
    public void Given_a_room_of_screens_When_paced_Then_its_pushes_are_spaced_so_the_writes_per_second_stay_bounded(int screens, int milliseconds) =>
        PushPace.Interval(screens, Least, PushPace.DeliveriesPerSecond).ShouldBe(TimeSpan.FromMilliseconds(milliseconds));

    [Fact]
    public void Given_a_least_interval_above_the_pace_When_paced_Then_the_least_holds() =>
        PushPace.Interval(100, TimeSpan.FromMilliseconds(80), PushPace.DeliveriesPerSecond).ShouldBe(TimeSpan.FromMilliseconds(80));
}
