using System.CommandLine;
using System.Text;
using Headway.App.Transfer;
using Headway.Cli.Hosting;
using Headway.Core;

namespace Headway.Cli.Transfer;

/// <summary><c>headway export [--format json|ical|todotxt] [--output FILE]</c>: everything, in a form another tool or <c>import</c> reads.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext cli)
    {
        var format = new Option<string?>("--format")
        {
            Description = "json (everything; `headway import` restores it losslessly; the default), ical (VTODO per action, VEVENT per commitment) or todotxt.",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output (replaced whole, never half-written)." };
        var command = new Command("export", "Export goals, actions with their history, commitments and settings.") { format, output };
        command.SetAction(async (parse, ct) =>
        {
            ExportFormat? chosen = parse.GetValue(format)?.Trim().ToLowerInvariant() switch
            {
                null or "json" or "headway" => ExportFormat.Json,
                "ical" or "ics" or "icalendar" => ExportFormat.ICalendar,
                "todotxt" or "todo.txt" => ExportFormat.TodoTxt,
                _ => null,
            };
            if (chosen is not { } exportFormat)
            {
                return cli.Fail(ErrorKind.Invalid, $"'{CliContext.Shorten(parse.GetValue(format))}' is not an export format: use json, ical or todotxt.");
            }

            var path = parse.GetValue(output);
            if (path is not null && (path.Length == 0 || Directory.Exists(path)))
            {
                return cli.Fail(ErrorKind.Invalid, $"'{CliContext.Shorten(path)}' is not a file name: give the file to write, e.g. --output headway.json.");
            }

            return await cli.WithSessionAsync(parse, async s =>
            {
                var doc = await ExportData.RunAsync(s, ct);
                if (path is null)
                {
                    await ExportWriters.WriteAsync(doc, exportFormat, cli.Env.Out, ct);
                    return ExitCodes.Ok;
                }

                // Written beside the target, then moved over it: a crash leaves the old file or the new one, never half of one.
                var full = Path.GetFullPath(path);
                var temp = full + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                try
                {
                    await using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
                    {
                        await ExportWriters.WriteAsync(doc, exportFormat, writer, ct);
                    }

                    File.Move(temp, full, overwrite: true);
                }
                finally
                {
                    File.Delete(temp);
                }

                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }
}
