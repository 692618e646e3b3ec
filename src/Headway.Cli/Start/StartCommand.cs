using System.CommandLine;
using Headway.App;
using Headway.App.Actions;
using Headway.App.Goals;
using Headway.Cli.Check;
using Headway.Cli.Hosting;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Goals;
using Spectre.Console;

namespace Headway.Cli.Start;

/// <summary>
/// <c>headway start</c>: the essay's afternoon of journaling, in a few minutes. A few reflective questions, then 3–5
/// goals drafted from the answers, then the first Now action for each, judged as it is typed.
/// </summary>
public static class StartCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("start", "Guided goal discovery: a few questions, 3–5 goals, and your first Now actions (on a terminal).");
        command.SetAction((parse, ct) =>
        {
            if (!cli.Env.IsInteractive)
            {
                return Task.FromResult(cli.Fail(ErrorKind.Invalid,
                    "`headway start` asks questions and needs a terminal: run it in one, or add goals with `headway goal add \"TITLE\"`."));
            }

            return cli.WithSessionAsync(parse, s => RunAsync(cli, s, ct), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, PlannerSession s, CancellationToken ct)
    {
        var console = cli.Env.Console;
        console.MarkupLine("[bold]Let's find what matters[/] — busy work fills the days of people without clear goals.");
        console.MarkupLine("[grey]Answer in a few words; press Enter to skip a question.[/]");
        var answers = new List<string>();
        foreach (var question in Discovery.Questions)
        {
            console.WriteLine();
            if (cli.Env.Ask(question.Text) is not { } answer)
            {
                return ExitCodes.Ok;
            }

            if (!string.IsNullOrWhiteSpace(answer))
            {
                answers.Add(answer.Trim());
            }
        }

        var existing = (await GoalQueries.ListAsync(s, includeClosed: false, ct)).Count(g => g.Status == GoalStatus.Active);
        var room = GoalRules.MaxActive - existing;
        console.WriteLine();
        if (answers.Count > 0)
        {
            console.MarkupLine("[bold]Your answers:[/]");
            foreach (var a in answers)
            {
                console.MarkupLine($"  • {Markup.Escape(a)}");
            }
        }

        if (room <= 0)
        {
            console.MarkupLine($"You already have {GoalRules.MaxActive} active goals — less is more. Review them with `headway goal list`.");
            return ExitCodes.Ok;
        }

        console.MarkupLine($"Turn them into {Math.Min(3, room)}–{room} goals: one per line, as an aim you could reach (\"Finish the first draft of my novel\"). An empty line ends.");
        var goals = new List<Goal>();
        while (goals.Count < room)
        {
            if (cli.Env.Ask($"Goal {goals.Count + 1}:") is not { } title || string.IsNullOrWhiteSpace(title))
            {
                break;
            }

            var area = GoalRules.TryParseArea(cli.Env.Ask("  Area (career, writing, fitness, networking, learning, creative, health, finance, relationships, other):"), out var a) ? a : GoalArea.Other;
            var why = cli.Env.Ask("  Why does it matter to you?");
            var added = await AddGoal.RunAsync(s, new NewGoal(title, string.IsNullOrWhiteSpace(why) ? null : why, area), ct);
            if (!added.IsOk)
            {
                console.MarkupLine($"  [yellow]{Markup.Escape(added.Error!.Message)}[/]");
                continue;
            }

            goals.Add(added.Value);
        }

        if (goals.Count == 0)
        {
            console.MarkupLine("No goals yet. When you are ready: `headway goal add \"TITLE\"`.");
            return ExitCodes.Ok;
        }

        console.WriteLine();
        console.MarkupLine("Now one thing for each that you can do [bold]right now[/] and that leaves a visible result.");
        foreach (var goal in goals)
        {
            if (await ActionQueries.CountOpenAsync(s, Horizon.Now, ct) >= HorizonRules.NowCap)
            {
                break;
            }

            for (var attempt = 0; attempt < 3; attempt++)
            {
                var text = cli.Env.Ask($"For \"{goal.Title}\":");
                if (string.IsNullOrWhiteSpace(text))
                {
                    break;
                }

                var analysis = ActionAnalyzer.Analyze(text);
                if (analysis.Verdict == Verdict.Passive && attempt < 2)
                {
                    AnalysisView.Render(console, analysis);
                    console.MarkupLine("  [grey]Try again, or type the same text to keep it.[/]");
                    if (cli.Env.Ask("  Again:") is { Length: > 0 } again && again.Trim() != text.Trim())
                    {
                        text = again;
                    }
                }

                var added = await AddAction.RunAsync(s, new NewAction(text, goal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Horizon.Now, KeepPassive: true), ct);
                if (added.IsOk)
                {
                    console.MarkupLine($"  Added [bold]{added.Value.Id}[/] to Now.");
                    break;
                }

                console.MarkupLine($"  [yellow]{Markup.Escape(added.Error!.Message)}[/]");
            }
        }

        console.WriteLine();
        console.MarkupLine("Done. See your Now list with `headway now`; plan the week with `headway add \"...\" --week`.");
        return ExitCodes.Ok;
    }
}
