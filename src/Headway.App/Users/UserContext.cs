using Headway.Core.Weeks;

namespace Headway.App.Users;

/// <summary>Who is acting, and their calendar. Every query is scoped to <see cref="UserId"/>.</summary>
public sealed record UserContext(long UserId, string Name, WeekCalendar Calendar);
