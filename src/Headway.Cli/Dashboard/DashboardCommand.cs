using System.CommandLine;
using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Json;
using Headway.Cli.Actions;
using Headway.Cli.Hosting;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Goals;
using Spectre.Console;

namespace Headway.Cli.Dashboard;

/// <summary>
/// <c>headway</c> with no command: the day at a glance — goals, Now, This week, the week's progress so far and the
/// next commitments.
/// </summary>
public static class DashboardCommand
{
    public static void AttachTo(RootCommand root, CliContext cli)
    {
        var json = new Option<bool>("--json") { Description = "Print the dashboard (goals, Now, This week, the week so far, commitments) as JSON." };
        root.Add(json);
        root.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var console = cli.Env.Console;
            var goals = await GoalQueries.ListAsync(s, includeClosed: true, ct);
            var byId = goals.ToDictionary(g => g.Id);
            var active = goals.Where(g => g.Status == GoalStatus.Active).ToList();
            if (parse.GetValue(json))
            {
                var done = await ActionQueries.CompletedInAsync(s, s.ThisWeek, ct);
                var outcomes = done.Count(a => a.EffectiveVerdict == Verdict.Meaningful && a.IsAligned && !string.IsNullOrWhiteSpace(a.Result));
                cli.WriteJson(new DashboardJson(
                    active.Select(g => g.ToJson()).ToList(),
                    (await ActionQueries.OpenAsync(s, Horizon.Now, ct)).Select(a => a.ToJson()).ToList(),
                    (await ActionQueries.OpenAsync(s, Horizon.Week, ct)).Select(a => a.ToJson()).ToList(),
                    done.Count, outcomes, done.Count == 0 ? 0 : (double)outcomes / done.Count,
                    (await CommitmentQueries.ListAsync(s, includeClosed: false, ct)).Select(c => c.ToJson()).ToList()),
                    HeadwayJsonContext.Default.DashboardJson);
                return ExitCodes.Ok;
            }

            if (active.Count == 0)
            {
                console.MarkupLine("[bold]Welcome to Headway.[/] Progress comes from outcomes that advance a goal, not from ticked boxes.");
                console.MarkupLine("Start with `headway start` (a few questions, 3–5 goals, your first actions), or `headway goal add \"TITLE\"`.");
                console.MarkupLine("Curious how your current to-do list reads? `headway check \"call the city about the permit by fri\"`.");
                return ExitCodes.Ok;
            }

            var completed = await ActionQueries.CompletedInAsync(s, s.ThisWeek, ct);
            var progress = completed.Count(a => a.EffectiveVerdict == Verdict.Meaningful && a.IsAligned && !string.IsNullOrWhiteSpace(a.Result));
            console.MarkupLine($"[bold]Goals[/] [grey]({active.Count}/{GoalRules.MaxActive} active)[/]");
            foreach (var g in active)
            {
                var outcomes = completed.Count(a => a.GoalId == g.Id && a.EffectiveVerdict == Verdict.Meaningful && !string.IsNullOrWhiteSpace(a.Result));
                console.MarkupLine($"  [bold]{g.Id}[/] {Markup.Escape(g.Title)}  {(outcomes > 0 ? $"[green]{outcomes} outcome{(outcomes == 1 ? "" : "s")} this week[/]" : "[grey]no outcome yet this week[/]")}");
            }

            if (GoalRules.FewGoalsNote(active.Count) is { } note)
            {
                console.MarkupLine($"  [grey]{Markup.Escape(note)}[/]");
            }

            console.WriteLine();
            ActionView.RenderList(console, "Now", await ActionQueries.OpenAsync(s, Horizon.Now, ct), HorizonRules.NowCap, byId, s.Today);
            console.WriteLine();
            ActionView.RenderList(console, "This week", await ActionQueries.OpenAsync(s, Horizon.Week, ct), HorizonRules.WeekCap, byId, s.Today);
            console.WriteLine();
            console.MarkupLine(completed.Count == 0
                ? "[grey]Nothing completed this week yet.[/]"
                : $"This week: [bold]{progress}[/] outcome{(progress == 1 ? "" : "s")} from {completed.Count} completed action{(completed.Count == 1 ? "" : "s")} — busy work {100 - (int)Math.Round(100.0 * progress / completed.Count)}%.");
            foreach (var c in (await CommitmentQueries.ListAsync(s, includeClosed: false, ct)).Take(3))
            {
                var days = c.Due.DayNumber - s.Today.DayNumber;
                console.MarkupLine($"[red]⚑[/] {Markup.Escape(c.Describe())} [grey]({(days == 0 ? "today" : days == 1 ? "tomorrow" : $"in {days} days")})[/]");
            }

            return ExitCodes.Ok;
        }, ct));
    }
}
