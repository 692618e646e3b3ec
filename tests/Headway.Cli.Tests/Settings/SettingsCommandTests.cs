using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Settings;

public sealed class SettingsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Settings_ShowsZoneWeekStartAndDatabase()
    {
        await _cli.OkAsync("settings", "--time-zone", "Europe/Berlin", "--week-start", "sunday");

        var result = await _cli.OkAsync("settings");

        Assert.Contains("Europe/Berlin", result.Out, StringComparison.Ordinal);
        Assert.Contains("Sunday", result.Out, StringComparison.Ordinal);
        Assert.Contains(_cli.DatabasePath, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_Json_HoldsZoneWeekStartAndDatabase()
    {
        await _cli.OkAsync("settings", "--time-zone", "America/New_York", "--week-start", "saturday");

        var json = await _cli.JsonAsync("settings");

        Assert.Equal("America/New_York", json.GetProperty("timeZone").GetString());
        Assert.Equal("saturday", json.GetProperty("weekStart").GetString());
        Assert.Equal(_cli.DatabasePath, json.GetProperty("database").GetString());
    }

    [Fact]
    public async Task Settings_UnknownZone_IsInvalid()
    {
        var result = await _cli.RunAsync("settings", "--time-zone", "Mars/Olympus_Mons");

        result.AssertOneSentenceError(2);
    }

    [Fact]
    public async Task DatabaseOption_OverridesTheVariable()
    {
        var other = Path.Combine(_cli.Folder, "other.db");
        await _cli.OkAsync("--database", other, "goal", "add", "Run the Hometown 5K");

        Assert.True(File.Exists(other));
        Assert.Empty((await _cli.JsonAsync("goal", "list")).EnumerateArray());
        Assert.Single((await _cli.JsonAsync("goal", "list", "--database", other)).EnumerateArray());
    }

    [Fact]
    public async Task DatabaseOption_BadPostgresUrl_IsInvalid()
    {
        var result = await _cli.RunAsync("--database", "postgres://", "now");

        result.AssertOneSentenceError(2);
    }
}
