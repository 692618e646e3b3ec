using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Calendar;

/// <summary>The calendar feed, read by an independent implementation (Python's icalendar), and its secret URL.</summary>
public sealed partial class CalendarFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Reads the feed as a calendar app would and prints what matters about each event.
    private const string Reader = """
        import json, sys, datetime, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = []
        for e in cal.walk('VEVENT'):
            start = e.decoded('DTSTART')
            rrule = e.get('RRULE')
            out.append({
                'uid': str(e.get('UID')),
                'summary': str(e.get('SUMMARY')),
                'allDay': not isinstance(start, datetime.datetime),
                'start': start.isoformat(),
                'tzid': e['DTSTART'].params.get('TZID'),
                'rrule': rrule.to_ical().decode() if rrule else None,
            })
        print(json.dumps({'version': str(cal.get('VERSION')), 'events': out}))
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TheFeed_HoldsDueActionsCommitmentsAndTheWeeklyCheckIn_AndANewAddressKillsTheOld(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        using var bo = await web.App.PersonAsync("bo@example.org");
        await web.App.AsUserAsync(null, async s =>
        {
            s = s with { User = (await Headway.App.Users.ChangeSettings.RunAsync(s, "Europe/Berlin", "monday", Ct)).Value };
            var goal = (await AddGoal.RunAsync(s, new NewGoal("Run a 5K"), Ct)).Value;
            Assert.True((await AddAction.RunAsync(s, new NewAction("send the pitch to the editor", Due: new DateOnly(2027, 3, 4), KeepPassive: true), Ct)).IsOk);
            Assert.True((await CreateCommitment.RunAsync(s, new NewCommitment(goal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                new DateOnly(2027, 3, 14), "Hometown 5K", "https://example.org/5k"), Ct)).IsOk);
            var boId = await s.Db.LongAsync("SELECT user_id FROM identity_users WHERE email = 'bo@example.org'", null, Ct);
            await s.Db.ExecuteAsync("INSERT INTO partnerships (user_id, partner_user_id, sees_actions, created_at) VALUES (@u, @p, FALSE, @now)", null, Ct,
                ("u", s.UserId), ("p", boId), ("now", s.NowUtc));
            return true;
        });

        var page = await (await owner.SubmitAsync("/settings/notifications", "value=\"calendar\"")).Content.ReadAsStringAsync(Ct);
        var first = new Uri(FeedUrl().Match(page).Value).PathAndQuery;
        Assert.DoesNotContain(first, await owner.PageAsync("/settings/notifications"), StringComparison.Ordinal);

        // Anonymous, as a calendar app asks.
        using var app = web.App.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await app.GetAsync(new Uri(first, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var feed = await ParseAsync(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("2.0", feed.GetProperty("version").GetString());
        var events = feed.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("summary").GetString()!);
        var action = events["Due: send the pitch to the editor"];
        Assert.True(action.GetProperty("allDay").GetBoolean());
        Assert.Equal("2027-03-04", action.GetProperty("start").GetString());
        var commitment = events["Commitment: Hometown 5K"];
        Assert.True(commitment.GetProperty("allDay").GetBoolean());
        Assert.Equal("2027-03-14", commitment.GetProperty("start").GetString());
        var checkIn = events["Weekly check-in to your partners"];
        Assert.False(checkIn.GetProperty("allDay").GetBoolean());
        Assert.Equal("FREQ=WEEKLY", checkIn.GetProperty("rrule").GetString());
        Assert.Equal("Europe/Berlin", checkIn.GetProperty("tzid").GetString());
        // The default check-in: the week's last day (Sunday) at 18:00 in the user's zone.
        Assert.StartsWith("2027-03-07T18:00:00", checkIn.GetProperty("start").GetString(), StringComparison.Ordinal);

        page = await (await owner.SubmitAsync("/settings/notifications", "value=\"calendar\"")).Content.ReadAsStringAsync(Ct);
        var second = new Uri(FeedUrl().Match(page).Value).PathAndQuery;
        Assert.NotEqual(first, second);
        using (var old = await app.GetAsync(new Uri(first, UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }

        using (var current = await app.GetAsync(new Uri(second, UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        }

        using var guessed = await app.GetAsync(new Uri("/calendar/0123456789abcdef0123456789abcdef.ics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
    }

    private static async Task<JsonElement> ParseAsync(string ics)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, ics, Ct);
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Reader);
            start.ArgumentList.Add(file);
            using var python = Process.Start(start)!;
            var output = await python.StandardOutput.ReadToEndAsync(Ct);
            var error = await python.StandardError.ReadToEndAsync(Ct);
            await python.WaitForExitAsync(Ct);
            Assert.True(python.ExitCode == 0, $"python3-icalendar could not read the feed: {error}");
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex("https?://[^<\\s\"]+/calendar/[0-9a-f]+\\.ics")]
    private static partial Regex FeedUrl();
}
