using System.Globalization;
using Headway.Core.Analysis;
using Spectre.Console;

namespace Headway.Cli.Check;

/// <summary>How a verdict reads on a terminal: the verdict, the evidence, the outcome and the suggestion.</summary>
public static class AnalysisView
{
    public static string VerdictMarkup(Verdict verdict, int score) => verdict == Verdict.Meaningful
        ? $"[green bold]meaningful[/] [grey]({score.ToString(CultureInfo.InvariantCulture)})[/]"
        : $"[yellow bold]passive[/] [grey]({score.ToString(CultureInfo.InvariantCulture)})[/]";

    public static void Render(IAnsiConsole console, ActionAnalysis a)
    {
        console.MarkupLine($"{VerdictMarkup(a.Verdict, a.Score)}  {Markup.Escape(a.Text)}");
        foreach (var s in a.Signals)
        {
            var mark = s.Code.IsMeaningfulSide() ? "[green]+[/]" : "[yellow]-[/]";
            console.MarkupLine($"  {mark} {s.Code.ToCode(),-18} [grey]\"{Markup.Escape(s.Evidence)}\"[/]");
        }

        console.MarkupLine(a.Outcome is { } o
            ? $"  outcome: [bold]{Markup.Escape(Quantity(o.Quantity))} {Markup.Escape(o.Unit)}[/] [grey](\"{Markup.Escape(o.Phrase)}\")[/]"
            : "  outcome: [grey]none stated — how will you know it is done?[/]");
        if (a.Suggestion is { } suggestion)
        {
            console.MarkupLine($"  [bold]try instead:[/] {Markup.Escape(suggestion)}");
        }
    }

    /// <summary>One line per action, for <c>check --file</c>: verdict, score, text, evidence, suggestion.</summary>
    public static string Line(ActionAnalysis a)
    {
        var evidence = string.Join(", ", a.Signals.Select(s => $"{s.Code.ToCode()}:\"{s.Evidence}\""));
        var outcome = a.Outcome is { } o ? $" [{Quantity(o.Quantity)} {o.Unit}]" : "";
        var suggestion = a.Suggestion is { } sug ? $" → {sug}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{(a.Verdict == Verdict.Meaningful ? "meaningful" : "passive   ")} {a.Score,3}  {a.Text}{outcome}  ({evidence}){suggestion}");
    }

    public static string Quantity(double q) => q.ToString("#,0.##", CultureInfo.InvariantCulture);
}
