using System.CommandLine;
using Headway.App.Json;
using Headway.App.Storage;
using Headway.App.Users;
using Headway.Cli.Hosting;
using Spectre.Console;

namespace Headway.Cli.Settings;

/// <summary><c>headway settings [--time-zone Z] [--week-start DAY]</c>: the calendar weeks are counted in.</summary>
public static class SettingsCommand
{
    public static Command Create(CliContext cli)
    {
        var zone = new Option<string?>("--time-zone") { Description = "Your IANA time zone, e.g. Europe/Berlin." };
        var weekStart = new Option<string?>("--week-start") { Description = "The first day of your week, e.g. monday or sunday." };
        var json = new Option<bool>("--json") { Description = "Print the settings as JSON." };
        var command = new Command("settings", "Show or change your time zone and the first day of your week.") { zone, weekStart, json };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var user = s.User;
            if (parse.GetValue(zone) is not null || parse.GetValue(weekStart) is not null)
            {
                var changed = await ChangeSettings.RunAsync(s, parse.GetValue(zone), parse.GetValue(weekStart), ct);
                if (!changed.IsOk)
                {
                    return cli.Fail(changed.Error!);
                }

                user = changed.Value;
            }

            var target = DatabaseTarget.Parse(parse.GetValue(cli.Database) ?? cli.Env.Variables("HEADWAY_DATABASE")).Value;
            if (parse.GetValue(json))
            {
                cli.WriteJson(new SettingsJson(user.Name, user.Calendar.Zone.Id, user.Calendar.FirstDay.ToString().ToLowerInvariant(), target.Display),
                    HeadwayJsonContext.Default.SettingsJson);
                return ExitCodes.Ok;
            }

            cli.Env.Console.MarkupLine($"user: {Markup.Escape(LocalOwner.Describe(user))}");
            cli.Env.Console.MarkupLine($"database: {Markup.Escape(target.Display)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
