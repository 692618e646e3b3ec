using System.Globalization;
using Headway.App.Json;
using Headway.Cli.Reviews;
using Headway.Core.Analysis;
using Headway.Core.Audits;
using Headway.Core.Formats;
using Headway.Core.Reviews;
using Spectre.Console;

namespace Headway.Cli.Audit;

/// <summary>The audit as JSON (DESIGN.md's shape) and as a report with charts for a person.</summary>
internal static class AuditView
{
    private const int ProjectsShown = 10;
    private const int IssuesShown = 10;

    public static AuditJson ToJson(BacklogAudit a, TaskFormat format) => new(
        format.Name(), a.Items, a.Open, a.Done, a.Dropped, a.Meaningful, a.Passive, a.BusyWorkRatio, a.WithoutOutcome,
        a.Signals.ToDictionary(s => s.Key, s => s.Value),
        [.. a.TopPassive.Select(t => new AuditItemJson(t.Text, t.Score, t.Signals, t.Suggestion, t.Project, t.Line, Status(t.Status)))],
        [.. a.Diagnosis.Select(d => new DiagnosisJson(d.Cause.Name(), d.Score, d.Evidence))],
        [.. a.Projects.Select(p => new AuditProjectJson(p.Name, p.Items, p.Open, p.Done, p.Meaningful, p.Passive, Math.Round(p.BusyWorkRatio, 4)))],
        [.. a.Unreadable.Select(Issue)], a.UnreadableCount, [.. a.Warnings.Select(Issue)], a.WarningCount);

    public static void Render(IAnsiConsole console, BacklogAudit a, TaskFormat format, string name)
    {
        console.MarkupLine($"[bold]Audit of {Markup.Escape(name)}[/] [grey]({format.Name()})[/]");
        console.MarkupLine($"  {N(a.Items)} {(a.Items == 1 ? "item" : "items")}: {N(a.Open)} open, {N(a.Done)} done, {N(a.Dropped)} dropped");
        console.WriteLine();
        if (a.Items > 0)
        {
            var busy = Percent(a.BusyWorkRatio);
            var colour = busy >= 50 ? "red" : busy >= 25 ? "yellow" : "green";
            console.MarkupLine($"  Busy work  [bold {colour}]{busy}%[/]  [grey]({N(a.Passive)} passive, {N(a.Meaningful)} meaningful; {Percent((double)a.WithoutOutcome / a.Items)}% without a checkable outcome)[/]");
            console.Write(new Padder(new BreakdownChart().Width(50)
                .AddItem("meaningful", a.Meaningful, Color.Green)
                .AddItem("passive", a.Passive, Color.Red)).Padding(2, 0, 0, 0));
            console.WriteLine();
            RenderSignals(console, a);
            RenderProjects(console, a);
            RenderWorst(console, a);
            RenderDiagnosis(console, a);
        }

        RenderIssues(console, "Unreadable records", "skipped", a.Unreadable, a.UnreadableCount);
        RenderIssues(console, "Read with changes", "repaired", a.Warnings, a.WarningCount);
    }

    private static void RenderSignals(IAnsiConsole console, BacklogAudit a)
    {
        if (a.Signals.Count == 0)
        {
            return;
        }

        console.MarkupLine("[bold]Signals[/] [grey](items carrying each)[/]");
        var chart = new BarChart().Width(60);
        foreach (var (code, count) in a.Signals)
        {
            var meaningful = SignalCodes.TryParse(code, out var c) && c.IsMeaningfulSide();
            chart.AddItem(code, count, meaningful ? Color.Green : Color.Red);
        }

        console.Write(new Padder(chart).Padding(2, 0, 0, 0));
        console.WriteLine();
    }

    private static void RenderProjects(IAnsiConsole console, BacklogAudit a)
    {
        console.MarkupLine($"[bold]Busy work by project[/] [grey](the {Math.Min(ProjectsShown, a.Projects.Count)} largest of {a.Projects.Count})[/]");
        var chart = new BarChart().Width(60);
        foreach (var p in a.Projects.Take(ProjectsShown))
        {
            var label = $"{Cut(p.Name ?? "(no project)", 28)} · {N(p.Items)}";
            var busy = Percent(p.BusyWorkRatio);
            chart.AddItem(Markup.Escape(label), busy, busy >= 50 ? Color.Red : busy >= 25 ? Color.Yellow : Color.Green);
        }

        console.Write(new Padder(chart).Padding(2, 0, 0, 0));
        console.MarkupLine("  [grey](% of each project's items that are passive)[/]");
        console.WriteLine();
    }

    private static void RenderWorst(IAnsiConsole console, BacklogAudit a)
    {
        if (a.TopPassive.Count == 0)
        {
            return;
        }

        console.MarkupLine("[bold]The worst passive items[/]");
        var rank = 0;
        foreach (var t in a.TopPassive)
        {
            var where = t.Project is null ? $"line {t.Line}" : $"line {t.Line}, {t.Project}";
            console.MarkupLine($"  {++rank,2}. {Markup.Escape(t.Text)} [grey]({Markup.Escape(where)}; score {t.Score}; {string.Join(", ", t.Signals)})[/]");
            if (t.Suggestion is not null)
            {
                console.MarkupLine($"      [green]try instead:[/] {Markup.Escape(t.Suggestion)}");
            }
        }

        console.WriteLine();
    }

    private static void RenderDiagnosis(IAnsiConsole console, BacklogAudit a)
    {
        DiagnosisView.Render(console, a.Diagnosis);

        console.WriteLine();
    }

    private static void RenderIssues(IAnsiConsole console, string title, string verb, IReadOnlyList<ReadIssue> issues, int total)
    {
        if (total == 0)
        {
            return;
        }

        console.MarkupLine($"[bold]{title}[/] [grey]({N(total)} {verb}{(total > IssuesShown ? $"; the first {IssuesShown} shown, all with --json up to {AuditCalculator.MaxIssuesKept}" : "")})[/]");
        foreach (var i in issues.Take(IssuesShown))
        {
            var field = i.Field is null ? "" : $" {i.Field}:";
            console.MarkupLine($"  [yellow]line {i.Line}[/]{Markup.Escape(field)} {Markup.Escape(i.Message)}");
        }

        console.WriteLine();
    }

    private static AuditIssueJson Issue(ReadIssue i) => new(i.Line, i.Field, i.Message);

    private static string Status(ItemStatus s) => s switch
    {
        ItemStatus.Done => "done",
        ItemStatus.Dropped => "dropped",
        _ => "open",
    };

    private static int Percent(double ratio) => (int)Math.Round(ratio * 100, MidpointRounding.AwayFromZero);

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
