using System.CommandLine;
using Headway.App.Json;
using Headway.Cli.Hosting;
using Headway.Core;
using Headway.Core.Audits;
using Headway.Core.Formats;
using Spectre.Console;

namespace Headway.Cli.Audit;

/// <summary>
/// <c>headway audit FILE|- [--format F] [--json] [--top N]</c>: the busy-work picture of another tool's backlog,
/// read as a stream and judged item by item, without importing anything (no database is opened).
/// </summary>
public static class AuditCommand
{
    // Below this size a file reads in well under a second: a progress bar would only flicker.
    private const long ProgressFromBytes = 4 * 1024 * 1024;

    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "The backlog file to audit (- for standard input)." };
        var format = new Option<string?>("--format") { Description = $"Read the file as this format instead of detecting it: {string.Join(", ", TaskFormats.Names)}." };
        var json = new Option<bool>("--json") { Description = "Print the audit as one JSON document." };
        var top = new Option<int>("--top") { Description = "How many of the worst passive items to show (default 10).", DefaultValueFactory = _ => 10 };
        var command = new Command("audit", "Show how much of another tool's backlog is progress and how much is busy work, without importing it.") { file, format, json, top };
        command.SetAction((parse, ct) =>
        {
            TaskFormat? forced = null;
            if (parse.GetValue(format) is { } name)
            {
                if (!TaskFormats.TryParse(name, out var parsed))
                {
                    return Task.FromResult(cli.Fail(ErrorKind.Invalid, $"'{CliContext.Shorten(name)}' is not a format Headway reads: use one of {string.Join(", ", TaskFormats.Names)}."));
                }

                forced = parsed;
            }

            var count = parse.GetValue(top);
            if (count is < 0 or > 1000)
            {
                return Task.FromResult(cli.Fail(ErrorKind.Invalid, "--top must be a number from 0 to 1000."));
            }

            return Task.FromResult(Run(cli, parse.GetValue(file)!, forced, parse.GetValue(json), count, ct));
        });
        return command;
    }

    private static int Run(CliContext cli, string path, TaskFormat? forced, bool json, int top, CancellationToken ct)
    {
        if (path != "-" && !File.Exists(path))
        {
            return cli.Fail(ErrorKind.NotFound, $"There is no file '{CliContext.Shorten(path)}': check the path.");
        }

        // A file is read as bytes (a Taskwarrior export is parsed without decoding it); standard input and pipes
        // (`audit <(task export)`), which cannot go back to the start after detection, as text.
        using var stream = path == "-" ? null : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = stream is { CanSeek: false } ? BacklogReader.OpenText(stream, leaveOpen: true) : null;
        TaskFormat detected;
        IEnumerable<ReadResult> results;
        if (stream is { CanSeek: true })
        {
            detected = forced ?? FormatDetector.Detect(stream);
            results = BacklogReader.Read(stream, detected, Options(detected, path));
        }
        else
        {
            var source = text ?? cli.Env.In;
            (detected, var reader) = forced is { } f ? (f, source) : FormatDetector.Detect(source);
            results = BacklogReader.Read(reader, detected, Options(detected, stream is null ? null : path));
        }

        var calculator = new AuditCalculator(cli.Env.Clock.GetUtcNow().UtcDateTime, top, completionsKnown: detected is not (TaskFormat.Todoist or TaskFormat.PlainText));
        if (!json && cli.Env.OutputIsTerminal && stream is { CanSeek: true } && stream.Length >= ProgressFromBytes)
        {
            ReadWithProgress(cli.Env.Console, results, calculator, stream, ct);
        }
        else
        {
            // Texts are judged on the other cores while this thread reads; the audit is the same as one by one.
            calculator.AddAll(results, cancellationToken: ct);
        }

        var audit = calculator.Build();
        if (json)
        {
            cli.WriteJson(AuditView.ToJson(audit, detected), HeadwayJsonContext.Default.AuditJson);
        }
        else
        {
            AuditView.Render(cli.Env.Console, audit, detected, path == "-" ? "standard input" : Path.GetFileName(path));
        }

        return audit.Items == 0 && audit.UnreadableCount > 0
            ? cli.Fail(ErrorKind.Invalid, $"No item could be read as {detected.Name()}: check the file, or force another --format.")
            : ExitCodes.Ok;
    }

    // A Todoist export holds one project, named by its file.
    private static ReadOptions Options(TaskFormat format, string? path) =>
        new(TimeZoneInfo.Local, format == TaskFormat.Todoist && path is not null ? Path.GetFileNameWithoutExtension(path) : null);

    private static void ReadWithProgress(IAnsiConsole console, IEnumerable<ReadResult> results, AuditCalculator calculator, Stream stream, CancellationToken ct)
    {
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Reading", maxValue: stream.Length);
                calculator.AddAll(results, () => task.Value = stream.Position, cancellationToken: ct);
                task.Value = stream.Length;
            });
    }
}
