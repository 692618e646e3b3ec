using Headway.App.Calendar;
using Headway.App.Storage;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Headway.Web.Calendar;

/// <summary>
/// <c>GET /calendar/{secret}.ics</c>: the user's iCalendar feed (RFC 5545) for calendar apps, which cannot sign in, so
/// the secret in the URL is the credential. Due actions and commitments are all-day events on their dates; the weekly
/// check-in is a recurring event at the user's check-in time in their zone. A wrong or replaced secret is 404.
/// </summary>
public static class CalendarEndpoints
{
    public static WebApplication MapCalendar(this WebApplication app)
    {
        app.MapGet("/calendar/{secret}.ics", async (string secret, HeadwayDataSource source, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            await using var db = await source.OpenAsync(ct);
            var content = await CalendarFeed.LoadAsync(db, secret, clock.GetUtcNow(), ct);
            if (content is null)
            {
                return Results.NotFound();
            }

            // The URL is a credential: keep it and the feed out of shared caches and referrers.
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(Write(content, clock.GetUtcNow().UtcDateTime), "text/calendar; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }

    internal static string Write(CalendarContent content, DateTime nowUtc)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Headway//Headway planner//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"Headway: {content.User.Name}");
        var stamp = new CalDateTime(nowUtc, "UTC");
        foreach (var item in content.Items)
        {
            var e = new CalendarEvent
            {
                Uid = item.Uid,
                Summary = item.Summary,
                Description = item.Description,
                DtStamp = stamp,
                DtStart = new CalDateTime(item.Date),
                DtEnd = new CalDateTime(item.Date.AddDays(1)),
                Transparency = "TRANSPARENT",
            };
            if (item.Url is { } url)
            {
                e.Url = new Uri(url);
            }

            calendar.Events.Add(e);
        }

        if (content.HasPartners)
        {
            var zone = content.User.Calendar.Zone;
            var local = TimeZoneInfo.ConvertTimeFromUtc(content.CheckInFirstUtc, zone);
            var checkIn = new CalendarEvent
            {
                Uid = $"check-in-{content.User.UserId}@headway",
                Summary = "Weekly check-in to your partners",
                Description = "Headway sends your partners this week's outcomes, what slipped and what is coming up.",
                DtStamp = stamp,
                DtStart = new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.Id),
                Duration = Duration.FromMinutes(15),
            };
            checkIn.RecurrenceRule = new RecurrencePattern(Ical.Net.FrequencyType.Weekly, 1);
            calendar.Events.Add(checkIn);
            calendar.AddTimeZone(new VTimeZone(zone.Id));
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
