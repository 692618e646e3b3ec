using System.CommandLine;
using System.Globalization;
using Headway.App.Json;
using Headway.App.Reviews;
using Headway.Cli.Hosting;
using Spectre.Console;

namespace Headway.Cli.Reviews;

/// <summary><c>headway review [--week D] [--json]</c>: outcomes against activity, and why the week was busy but not productive.</summary>
public static class ReviewCommand
{
    public static Command Create(CliContext cli)
    {
        var week = new Option<string?>("--week") { Description = "Any date in the week to review (default: this week)." };
        var json = new Option<bool>("--json") { Description = "Print the review as JSON." };
        var command = new Command("review", "The weekly review: progress ratio, outcomes per goal, stretch, commitments, diagnosis, next Now list.") { week, json };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            DateOnly? day = null;
            if (parse.GetValue(week) is { } text)
            {
                var parsed = Core.Dates.DateExpression.Parse(text, s.Today, s.User.Calendar.FirstDay);
                if (!parsed.IsOk)
                {
                    return cli.Fail(parsed.Error!);
                }

                day = parsed.Value;
            }

            var report = await BuildReview.RunAsync(s, day, ct);
            if (parse.GetValue(json))
            {
                cli.WriteJson(report.ToJson(), HeadwayJsonContext.Default.ReviewJson);
                return ExitCodes.Ok;
            }

            Render(cli.Env.Console, report);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static void Render(IAnsiConsole console, ReviewReport report)
    {
        var r = report.Review;
        string D(DateOnly d) => d.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
        console.MarkupLine($"[bold]Week of {D(r.WeekStart)} – {D(r.WeekEnd)}[/]");
        console.WriteLine();
        var percent = (int)Math.Round(r.ProgressRatio * 100);
        console.MarkupLine($"  Progress ratio  [bold]{percent}%[/]  [grey]({Count(r.Outcomes, "outcome")} from {Count(r.Completed, "completed action")}; busy work {100 - percent}%)[/]");
        if (r.Completed > 0)
        {
            console.Write(new BreakdownChart().Width(50).HideTagValues()
                .AddItem("progress", r.Outcomes, Color.Green)
                .AddItem("meaningful, no recorded outcome or goal", r.MeaningfulCompleted - r.Outcomes, Color.Yellow)
                .AddItem("busy work", r.Completed - r.MeaningfulCompleted, Color.Grey));
        }

        console.MarkupLine($"  Stretch actions  [bold]{r.StretchCount}[/] {(r.StretchQuotaMet ? "[green]quota met[/]" : "[yellow]none taken — put yourself out there once this week[/]")}");
        console.MarkupLine($"  Commitments  kept [green]{r.Commitments.Kept}[/] · at risk [yellow]{r.Commitments.AtRisk}[/] · missed [red]{r.Commitments.Missed}[/]");
        console.WriteLine();
        console.MarkupLine("[bold]Goals[/]");
        foreach (var g in r.Goals)
        {
            console.MarkupLine($"  {(g.Stalled ? "[red]stalled[/]" : $"[green]{g.Outcomes} outcome{(g.Outcomes == 1 ? "" : "s")}[/]")}  {Markup.Escape(g.Title)}");
        }

        if (r.Goals.Count == 0)
        {
            console.MarkupLine("  [grey]no active goals[/]");
        }

        console.WriteLine();
        DiagnosisView.Render(console, r.Diagnosis);

        console.WriteLine();
        console.MarkupLine("[bold]Proposed Now for next week[/]");
        foreach (var id in r.ProposedNow)
        {
            if (report.Actions.TryGetValue(id, out var a))
            {
                console.MarkupLine($"  [bold]{a.Id}[/] {Markup.Escape(a.Text)}");
            }
        }

        if (r.ProposedNow.Count == 0)
        {
            console.MarkupLine("  [grey]nothing open: add this week's actions with `headway add`[/]");
        }

        foreach (var note in r.Notes)
        {
            console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        }
    }
}
