using Headway.Core.Reviews;
using Spectre.Console;

namespace Headway.Cli.Reviews;

/// <summary>The three-cause diagnosis as a review and an audit both show it: each cause, its score, its evidence.</summary>
public static class DiagnosisView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<Diagnosis> diagnosis)
    {
        console.MarkupLine("[bold]Why busy but not productive?[/]");
        foreach (var d in diagnosis)
        {
            var colour = d.Score >= 50 ? "red" : d.Score >= 20 ? "yellow" : "grey";
            console.MarkupLine($"  [{colour}]{d.Cause.Name(),-14} {d.Score,3}[/]");
            foreach (var e in d.Evidence)
            {
                console.MarkupLine($"      [grey]{Markup.Escape(e)}[/]");
            }
        }
    }
}
