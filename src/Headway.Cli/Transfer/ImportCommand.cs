using System.CommandLine;
using Headway.App.Transfer;
using Headway.Cli.Hosting;
using Headway.Core;
using Headway.Core.Formats;
using Spectre.Console;

namespace Headway.Cli.Transfer;

/// <summary>
/// <c>headway import FILE|- [--format F] [--goals projects|labels] [--json]</c>: moves another tool's backlog in, or
/// restores a Headway export; all or nothing.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "The file to import (- for standard input)." };
        var format = new Option<string?>("--format")
        {
            Description = $"The file's format: {string.Join(", ", TaskFormats.Names)} or headway (default: detected from the content).",
        };
        var goals = new Option<string?>("--goals")
        {
            Description = "What projects and lists become: projects (goals, the busiest active up to five, the rest paused; the default) or labels.",
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("import", "Import a Taskwarrior, todo.txt, Todoist, TickTick, iCalendar or plain-text backlog, or a Headway export.")
        {
            file, format, goals, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!ImportFormat.TryParse(parse.GetValue(format), out var chosen))
            {
                return cli.Fail(ErrorKind.Invalid,
                    $"'{CliContext.Shorten(parse.GetValue(format))}' is not a format Headway reads: use {string.Join(", ", TaskFormats.Names)} or headway.");
            }

            var projects = parse.GetValue(goals)?.Trim().ToLowerInvariant() switch
            {
                null or "projects" or "goals" => ProjectsAs.Goals,
                "labels" => ProjectsAs.Labels,
                _ => (ProjectsAs?)null,
            };
            if (projects is null)
            {
                return cli.Fail(ErrorKind.Invalid, $"'{CliContext.Shorten(parse.GetValue(goals))}' is not a choice for --goals: use projects or labels.");
            }

            var path = parse.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                return cli.Fail(ErrorKind.NotFound, $"There is no file '{CliContext.Shorten(path)}': check the path.");
            }

            var display = path == "-" ? "standard input" : path;
            return await cli.WithSessionAsync(parse, async s =>
            {
                // Streaming: invalid UTF-8 becomes U+FFFD, which the readers report with its line.
                var input = path == "-" ? cli.Env.In : BacklogReader.OpenText(File.OpenRead(path));
                try
                {
                    var report = await ImportFile.RunAsync(s, input, chosen, projects.Value, display,
                        path == "-" ? null : Path.GetFileNameWithoutExtension(path), ct);
                    if (!report.IsOk)
                    {
                        return cli.Fail(report.Error!);
                    }

                    if (parse.GetValue(json))
                    {
                        cli.WriteJson(report.Value, ImportReportJsonContext.Default.ImportReport);
                    }
                    else
                    {
                        Render(cli.Env.Console, report.Value);
                    }

                    return ExitCodes.Ok;
                }
                finally
                {
                    if (!ReferenceEquals(input, cli.Env.In))
                    {
                        input.Dispose();
                    }
                }
            }, ct);
        });
        return command;
    }

    private static string Count(int n, string noun) => $"{n:N0} {noun}{(n == 1 ? "" : "s")}";

    private static void Render(IAnsiConsole console, ImportReport r)
    {
        if (r.Format == HeadwayDocument.FormatName)
        {
            console.MarkupLine($"Restored [bold]{Markup.Escape(r.File)}[/]: {Count(r.GoalsCreated, "goal")}, {Count(r.Added, "action")} with their history, {Count(r.Commitments, "commitment")}, and your settings.");
            return;
        }

        console.MarkupLine($"Imported [bold]{Markup.Escape(r.File)}[/] ({r.Format}): {Count(r.Read, "item")} read, [green]{r.Added:N0} added[/], {r.Updated:N0} updated, {r.Unchanged:N0} unchanged.");
        if (r.Skipped > 0)
        {
            console.MarkupLine($"  {Count(r.Skipped, "recurrence template")} skipped: their instances are the tasks.");
        }

        if (r.GoalsCreated > 0)
        {
            console.MarkupLine($"  {Count(r.GoalsCreated, "goal")} created from projects: {r.GoalsActive:N0} active, {r.GoalsCreated - r.GoalsActive:N0} paused (see `headway goal list`).");
        }

        if (r.Added > 0)
        {
            console.MarkupLine("  New open items are in Later: pick up to 5 for Now with `headway move ID --now`.");
        }
    }
}
