using Headway.App.Storage;
using Headway.App.Users;
using Headway.Core.Weeks;

namespace Headway.App;

/// <summary>One user's open connection and clock: what every use case needs.</summary>
public sealed record PlannerSession(HeadwayDb Db, UserContext User, TimeProvider Clock)
{
    public long UserId => User.UserId;

    public DateTime NowUtc => Clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => User.Calendar.Today(Clock.GetUtcNow());

    public Week ThisWeek => User.Calendar.WeekOf(Today);
}
