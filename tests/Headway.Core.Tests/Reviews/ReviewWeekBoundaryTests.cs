using Headway.Core.Reviews;
using Headway.Core.Weeks;
using Xunit;
using static Headway.Core.Tests.Reviews.ReviewData;

namespace Headway.Core.Tests.Reviews;

public sealed class ReviewWeekBoundaryTests
{
    private static readonly WeekCalendar NewYork = new(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), DayOfWeek.Monday);

    // The week of Monday 2027-03-01 in New York runs from 05:00 UTC on 1 March to 05:00 UTC on 8 March.
    [Theory]
    [InlineData(2027, 3, 1, 4, 59, false)]   // Sunday 23:59 local: the week before
    [InlineData(2027, 3, 1, 5, 0, true)]     // Monday 00:00 local
    [InlineData(2027, 3, 1, 5, 1, true)]
    [InlineData(2027, 3, 8, 4, 59, true)]    // Sunday 23:59 local: still this week
    [InlineData(2027, 3, 8, 5, 0, false)]    // next Monday 00:00 local
    [InlineData(2027, 3, 8, 5, 1, false)]
    public void Compute_CompletionNearTheWeekEdgeInNewYork_CountsOnlyInsideTheLocalWeek(int y, int mo, int d, int h, int mi, bool counted)
    {
        var week = NewYork.WeekOf(new DateOnly(2027, 3, 3));
        var done = Done(1, "write 1,000 words", goalId: 1, at: new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc));

        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), actions: [done]) with { Week = week });

        Assert.Equal(counted ? 1 : 0, review.Completed);
        Assert.Equal(counted ? 1 : 0, review.Goals[0].Outcomes);
    }

    [Fact]
    public void Compute_WeekAcrossDstStartInBerlin_CountsTheLastLocalMinute()
    {
        // Berlin springs forward on 2027-03-28, so the week of 22–28 March lasts 167 hours and ends at 22:00 UTC.
        var berlin = new WeekCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), DayOfWeek.Monday);
        var week = berlin.WeekOf(new DateOnly(2027, 3, 24));
        var lastMinute = Done(1, "run 5 km", goalId: 2, at: new DateTime(2027, 3, 28, 21, 59, 0, DateTimeKind.Utc));
        var nextWeek = Done(2, "run 6 km", goalId: 2, at: new DateTime(2027, 3, 28, 22, 1, 0, DateTimeKind.Utc));

        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), actions: [lastMinute, nextWeek]) with { Week = week });

        Assert.Equal(1, review.Completed);
        Assert.Equal(new DateOnly(2027, 3, 28), review.WeekEnd);
    }
}
