using System.Globalization;
using Headway.Cli.Check;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Goals;
using Spectre.Console;

namespace Headway.Cli.Actions;

/// <summary>How actions read on a terminal.</summary>
public static class ActionView
{
    public static void RenderList(IAnsiConsole console, string title, IReadOnlyList<PlannedAction> actions, int? cap, IReadOnlyDictionary<long, Goal> goals, DateOnly today)
    {
        var count = cap is { } c ? $" ({actions.Count}/{c})" : $" ({actions.Count})";
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/][grey]{count}[/]");
        if (actions.Count == 0)
        {
            console.MarkupLine("  [grey]nothing here yet[/]");
            return;
        }

        var table = new Table().NoBorder().HideHeaders();
        table.AddColumn(new TableColumn("id").RightAligned());
        table.AddColumn("action");
        table.AddColumn("verdict");
        table.AddColumn("goal");
        foreach (var a in actions)
        {
            var notes = new List<string>();
            if (a.Due is { } due)
            {
                notes.Add(due < today ? $"[red]overdue {Date(due)}[/]" : $"due {Date(due)}");
            }

            if (a.Outcome is { } o)
            {
                notes.Add($"→ {Markup.Escape(o.Phrase)}");
            }

            if (a.Stretch)
            {
                notes.Add("[blue]stretch[/]");
            }

            table.AddRow(
                new Markup($"[bold]{a.Id.ToString(CultureInfo.InvariantCulture)}[/]"),
                new Markup(Markup.Escape(a.Text) + (notes.Count > 0 ? "\n[grey]" + string.Join("  ", notes) + "[/]" : "")),
                new Markup(Verdict(a)),
                new Markup(a.GoalId is { } g && goals.TryGetValue(g, out var goal) ? $"[grey]{Markup.Escape(goal.Title)}[/]" : "[grey italic]unaligned[/]"));
        }

        console.Write(table);
    }

    public static void RenderDetail(IAnsiConsole console, PlannedAction a, Goal? goal, IReadOnlyList<ActionEvent> history)
    {
        console.MarkupLine($"[bold]{a.Id.ToString(CultureInfo.InvariantCulture)}[/]  {Markup.Escape(a.Text)}");
        console.MarkupLine($"  {Verdict(a)}  {a.Horizon.Name()} · {a.Status.ToString().ToLowerInvariant()}{(a.Stretch ? " · [blue]stretch[/]" : "")}");
        console.MarkupLine($"  goal: {(goal is null ? "[grey italic]unaligned[/]" : Markup.Escape(goal.Title))}");
        if (a.Due is { } due)
        {
            console.MarkupLine($"  due: {Date(due)}");
        }

        console.MarkupLine(a.Outcome is { } o ? $"  expected outcome: {Markup.Escape(o.Phrase)}" : "  expected outcome: [grey]none — how will you know it is done?[/]");
        if (a.Result is { } result)
        {
            console.MarkupLine($"  result: [bold]{Markup.Escape(result)}[/]");
        }

        foreach (var s in a.Signals)
        {
            console.MarkupLine($"  {(s.Code.IsMeaningfulSide() ? "[green]+[/]" : "[yellow]-[/]")} {s.Code.ToCode()} [grey]\"{Markup.Escape(s.Evidence)}\"[/]");
        }

        if (a.Override is { } ov)
        {
            console.MarkupLine($"  your verdict: {(ov.Verdict == Core.Analysis.Verdict.Meaningful ? "meaningful" : "passive")} — {Markup.Escape(ov.Reason)}");
        }
        else if (a.Suggestion is { } suggestion && a.Verdict == Core.Analysis.Verdict.Passive)
        {
            console.MarkupLine($"  [bold]try instead:[/] {Markup.Escape(suggestion)}");
        }

        console.MarkupLine("  [grey]history:[/]");
        foreach (var e in history)
        {
            console.MarkupLine($"    [grey]{e.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z[/] {e.Kind.ToString().ToLowerInvariant()}{(e.Detail is { } d ? " — " + Markup.Escape(d) : "")}");
        }
    }

    public static string Verdict(PlannedAction a) =>
        (a.Override is null ? "" : "[grey]✎[/]") + AnalysisView.VerdictMarkup(a.EffectiveVerdict, a.Score);

    public static string Date(DateOnly date) => date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture).ToLowerInvariant();
}
