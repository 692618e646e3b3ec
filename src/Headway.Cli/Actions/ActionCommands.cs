using System.CommandLine;
using Headway.App;
using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Json;
using Headway.Cli.Check;
using Headway.Cli.Hosting;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Spectre.Console;

namespace Headway.Cli.Actions;

/// <summary><c>add</c>, <c>now</c>, <c>week</c>, <c>later</c>, <c>show</c>, <c>done</c>, <c>move</c>, <c>edit</c>, <c>drop</c>.</summary>
public static class ActionCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Add(cli);
        yield return List(cli, "now", Horizon.Now, "Now: at most 5 things you can do right now.");
        yield return List(cli, "week", Horizon.Week, "This week: at most 10 actions, each with a specific outcome.");
        yield return List(cli, "later", Horizon.Later, "Later: the backlog.");
        yield return Show(cli);
        yield return Done(cli);
        yield return Move(cli);
        yield return Edit(cli);
        yield return Drop(cli);
    }

    private static Command Add(CliContext cli)
    {
        var text = new Argument<string>("text") { Description = "The action, e.g. \"write 1,000 words for chapter 4\"." };
        var goal = new Option<string?>("--goal", "-g") { Description = "The goal it serves: an id or a unique part of the title." };
        var horizons = new HorizonOptions("Put it in");
        var due = new Option<string?>("--due") { Description = "Due date: yyyy-MM-dd, today, tomorrow, a weekday, 'in N days', 'next week', 'eow'." };
        var outcome = new Option<string?>("--outcome") { Description = "The expected outcome, e.g. \"1000 words\" or \"draft sent to Sam\"." };
        var keep = new Option<bool>("--keep") { Description = "Keep it even if the analyzer finds it passive (needed when not on a terminal)." };
        var meaningful = new Option<string?>("--meaningful") { Description = "Override the verdict as meaningful, with your reason." };
        var stretch = new Option<bool>("--stretch") { Description = "Mark it as a stretch: outside your comfort zone." };
        var json = new Option<bool>("--json") { Description = "Print the saved action as JSON." };
        var command = new Command("add", "Add an action. A passive one shows its verdict and a meaningful rewrite first.")
        {
            text, goal, due, outcome, keep, meaningful, stretch, json,
        };
        horizons.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            // The analyzer builds its lexicon on first use: let the other core do that while the database opens.
            _ = Task.Run(() => ActionAnalyzer.Analyze(parse.GetValue(text) ?? ""), CancellationToken.None);
            return cli.WithSessionAsync(parse, async s =>
            {
                var horizon = horizons.Get(parse, Horizon.Week);
                if (!horizon.IsOk)
                {
                    return cli.Fail(horizon.Error!);
                }

                DateOnly? dueDate = null;
                if (parse.GetValue(due) is { } dueText)
                {
                    var parsed = CliContext.ParseDate(s, dueText);
                    if (!parsed.IsOk)
                    {
                        return cli.Fail(parsed.Error!);
                    }

                    dueDate = parsed.Value;
                }

                var input = new NewAction(
                    parse.GetValue(text) ?? "", parse.GetValue(goal), horizon.Value, dueDate, parse.GetValue(outcome), parse.GetValue(keep),
                    parse.GetValue(meaningful) is { } reason ? new VerdictOverride(Verdict.Meaningful, reason) : null, parse.GetValue(stretch));
                if (cli.Env.IsInteractive && !input.KeepPassive && input.Override is null && !string.IsNullOrWhiteSpace(input.Text))
                {
                    var decided = Decide(cli, input);
                    if (decided is null)
                    {
                        cli.Env.Console.MarkupLine("Nothing added.");
                        return ExitCodes.Ok;
                    }

                    input = decided;
                }

                var added = await AddAction.RunAsync(s, input, ct);
                if (!added.IsOk)
                {
                    return cli.Fail(added.Error!);
                }

                if (parse.GetValue(json))
                {
                    cli.WriteJson(added.Value.ToJson(), HeadwayJsonContext.Default.ActionJson);
                    return ExitCodes.Ok;
                }

                var a = added.Value;
                cli.Env.Console.MarkupLine($"Added [bold]{a.Id}[/] to {Where(a.Horizon)}: {Markup.Escape(a.Text)}  {ActionView.Verdict(a)}");
                if (a.Outcome is null)
                {
                    cli.Env.Console.MarkupLine("  [yellow]No checkable outcome:[/] say what \"done\" leaves behind with --outcome, e.g. --outcome \"500 words\".");
                }

                if (a.GoalId is null)
                {
                    cli.Env.Console.MarkupLine("  [grey]Unaligned: tie it to a goal with `headway edit " + a.Id + " --goal ID`.[/]");
                }

                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    /// <summary>
    /// On a terminal, a passive action is shown with its verdict and suggestion first, and the user chooses: keep it,
    /// take the suggestion, rewrite it, or override the verdict with a reason. Null means cancel.
    /// </summary>
    private static NewAction? Decide(CliContext cli, NewAction input)
    {
        var current = input;
        for (var round = 0; round < 10; round++)
        {
            var analysis = ActionAnalyzer.Analyze(current.Text.Trim());
            if (analysis.Verdict == Verdict.Meaningful)
            {
                return current;
            }

            AnalysisView.Render(cli.Env.Console, analysis);
            var answer = cli.Env.Ask("[k]eep as is, [s]uggestion, [r]ewrite, [m]eaningful with a reason, or [c]ancel?")?.Trim().ToUpperInvariant();
            switch (answer)
            {
                case "K" or "KEEP":
                    return current with { KeepPassive = true };
                case "S" or "SUGGESTION" when analysis.Suggestion is not null:
                    current = current with { Text = analysis.Suggestion };
                    break;
                case "R" or "REWRITE":
                    if (cli.Env.Ask("New text:") is { Length: > 0 } rewritten)
                    {
                        current = current with { Text = rewritten };
                    }

                    break;
                case "M" or "MEANINGFUL":
                    var reason = cli.Env.Ask("Why is it meaningful?");
                    return string.IsNullOrWhiteSpace(reason) ? null : current with { Override = new VerdictOverride(Verdict.Meaningful, reason) };
                default:
                    return null;
            }
        }

        return null;
    }

    private static Command List(CliContext cli, string name, Horizon horizon, string description)
    {
        var json = new Option<bool>("--json") { Description = "Print the actions as a JSON array." };
        var command = new Command(name, description) { json };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var actions = await ActionQueries.OpenAsync(s, horizon, ct);
            if (parse.GetValue(json))
            {
                cli.WriteJson(actions.Select(a => a.ToJson()).ToList(), HeadwayJsonContext.Default.ListActionJson);
                return ExitCodes.Ok;
            }

            var goals = (await GoalQueries.ListAsync(s, includeClosed: true, ct)).ToDictionary(g => g.Id);
            ActionView.RenderList(cli.Env.Console, Title(horizon), actions, HorizonRules.Cap(horizon), goals, s.Today);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The action's id." };
        var json = new Option<bool>("--json") { Description = "Print the action as JSON." };
        var command = new Command("show", "Show one action with its verdict, outcome and history.") { id, json };
        command.SetAction((parse, ct) => WithAction(cli, parse, id, async (s, actionId) =>
        {
            var found = await ActionQueries.FindAsync(s, actionId, ct);
            if (!found.IsOk)
            {
                return cli.Fail(found.Error!);
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(found.Value.ToJson(), HeadwayJsonContext.Default.ActionJson);
                return ExitCodes.Ok;
            }

            var goal = found.Value.GoalId is { } g && (await GoalQueries.FindAsync(s, g, ct)) is { IsOk: true } r ? r.Value : null;
            ActionView.RenderDetail(cli.Env.Console, found.Value, goal, await ActionQueries.HistoryAsync(s, actionId, ct));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Done(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The action's id." };
        var result = new Option<string?>("--result", "-r") { Description = "The result actually achieved, e.g. \"1,150 words\" or \"sent; they said no\"." };
        var json = new Option<bool>("--json") { Description = "Print the completed action as JSON." };
        var command = new Command("done", "Complete an action, recording the result actually achieved.") { id, result, json };
        command.SetAction((parse, ct) => WithAction(cli, parse, id, async (s, actionId) =>
        {
            var resultText = parse.GetValue(result);
            if (resultText is null && cli.Env.IsInteractive)
            {
                resultText = cli.Env.Ask("What was the result? (e.g. \"1,150 words\"; empty to skip)") is { Length: > 0 } answer ? answer : null;
            }

            var done = await CompleteAction.RunAsync(s, actionId, resultText, ct);
            if (!done.IsOk)
            {
                return cli.Fail(done.Error!);
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(done.Value.ToJson(), HeadwayJsonContext.Default.ActionJson);
                return ExitCodes.Ok;
            }

            var a = done.Value;
            cli.Env.Console.MarkupLine(a.Result is { } r
                ? $"Done [bold]{a.Id}[/]: {Markup.Escape(a.Text)} → [green]{Markup.Escape(r)}[/]"
                : $"Done [bold]{a.Id}[/]: {Markup.Escape(a.Text)} [grey](no result recorded, so it does not count as an outcome)[/]");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Move(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The action's id." };
        var horizons = new HorizonOptions("Move it to");
        var command = new Command("move", "Move an action between Now, This week and Later, within the caps.") { id };
        horizons.AddTo(command);
        command.SetAction((parse, ct) => WithAction(cli, parse, id, async (s, actionId) =>
        {
            var horizon = horizons.Get(parse, null);
            if (!horizon.IsOk)
            {
                return cli.Fail(horizon.Error!);
            }

            var moved = await MoveAction.RunAsync(s, actionId, horizon.Value, ct);
            if (!moved.IsOk)
            {
                return cli.Fail(moved.Error!);
            }

            cli.Env.Console.MarkupLine($"Moved [bold]{moved.Value.Id}[/] to {Where(moved.Value.Horizon)}: {Markup.Escape(moved.Value.Text)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Edit(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The action's id." };
        var text = new Argument<string?>("text") { Description = "New text (judged again).", Arity = ArgumentArity.ZeroOrOne };
        var goal = new Option<string?>("--goal", "-g") { Description = "A goal id or unique part of its title, or 'none' to unalign it." };
        var due = new Option<string?>("--due") { Description = "A new due date." };
        var noDue = new Option<bool>("--no-due") { Description = "Remove the due date." };
        var outcome = new Option<string?>("--outcome") { Description = "A new expected outcome." };
        var meaningful = new Option<string?>("--meaningful") { Description = "Override the verdict as meaningful, with your reason." };
        var passive = new Option<string?>("--passive") { Description = "Override the verdict as passive, with your reason." };
        var stretch = new Option<bool?>("--stretch") { Description = "Mark (true) or unmark (false) it as a stretch.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("edit", "Change an open action's text, goal, due date, outcome, verdict or stretch flag.")
        {
            id, text, goal, due, noDue, outcome, meaningful, passive, stretch,
        };
        command.SetAction((parse, ct) => WithAction(cli, parse, id, async (s, actionId) =>
        {
            DateOnly? dueDate = null;
            if (parse.GetValue(due) is { } dueText)
            {
                if (parse.GetValue(noDue))
                {
                    return cli.Fail(ErrorKind.Invalid, "Give --due or --no-due, not both.");
                }

                var parsed = CliContext.ParseDate(s, dueText);
                if (!parsed.IsOk)
                {
                    return cli.Fail(parsed.Error!);
                }

                dueDate = parsed.Value;
            }

            if (parse.GetValue(meaningful) is not null && parse.GetValue(passive) is not null)
            {
                return cli.Fail(ErrorKind.Invalid, "Give --meaningful or --passive, not both.");
            }

            VerdictOverride? ov = parse.GetValue(meaningful) is { } m ? new VerdictOverride(Verdict.Meaningful, m)
                : parse.GetValue(passive) is { } p ? new VerdictOverride(Verdict.Passive, p) : null;
            bool? stretchValue = parse.GetResult(stretch) is null ? null : parse.GetValue(stretch) ?? true;
            var edit = new ActionEdit(parse.GetValue(text), parse.GetValue(goal), dueDate, parse.GetValue(noDue), parse.GetValue(outcome), ov, stretchValue);
            var edited = await EditAction.RunAsync(s, actionId, edit, ct);
            if (!edited.IsOk)
            {
                return cli.Fail(edited.Error!);
            }

            cli.Env.Console.MarkupLine($"Edited [bold]{edited.Value.Id}[/]: {Markup.Escape(edited.Value.Text)}  {ActionView.Verdict(edited.Value)}");
            if (edited.Value.EffectiveVerdict == Verdict.Passive && edited.Value.Suggestion is { } suggestion)
            {
                cli.Env.Console.MarkupLine($"  [bold]try instead:[/] {Markup.Escape(suggestion)}");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Drop(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The action's id." };
        var reason = new Option<string?>("--reason") { Description = "Why you drop it (kept in its history)." };
        var command = new Command("drop", "Drop an open action on purpose.") { id, reason };
        command.SetAction((parse, ct) => WithAction(cli, parse, id, async (s, actionId) =>
        {
            var dropped = await DropAction.RunAsync(s, actionId, parse.GetValue(reason), ct);
            if (!dropped.IsOk)
            {
                return cli.Fail(dropped.Error!);
            }

            cli.Env.Console.MarkupLine($"Dropped [bold]{dropped.Value.Id}[/]: {Markup.Escape(dropped.Value.Text)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Task<int> WithAction(CliContext cli, ParseResult parse, Argument<string> id, Func<PlannerSession, long, Task<int>> work, CancellationToken ct)
    {
        var raw = parse.GetValue(id);
        return CliContext.TryParseId(raw, out var actionId)
            ? cli.WithSessionAsync(parse, s => work(s, actionId), ct)
            : Task.FromResult(cli.Fail(CliContext.InvalidId(raw, "an action", "headway now")));
    }

    private static string Title(Horizon horizon) => horizon switch
    {
        Horizon.Now => "Now",
        Horizon.Week => "This week",
        _ => "Later",
    };

    private static string Where(Horizon horizon) => horizon switch
    {
        Horizon.Now => "Now",
        Horizon.Week => "this week",
        _ => "later",
    };
}

/// <summary>The three mutually exclusive horizon flags: --now, --week, --later.</summary>
internal sealed class HorizonOptions(string verb)
{
    private readonly Option<bool> _now = new("--now") { Description = $"{verb} Now (at most 5)." };
    private readonly Option<bool> _week = new("--week") { Description = $"{verb} This week (at most 10)." };
    private readonly Option<bool> _later = new("--later") { Description = $"{verb} Later (the backlog)." };

    public void AddTo(Command command)
    {
        command.Add(_now);
        command.Add(_week);
        command.Add(_later);
    }

    public Result<Horizon> Get(ParseResult parse, Horizon? fallback)
    {
        var chosen = new List<Horizon>();
        if (parse.GetValue(_now))
        {
            chosen.Add(Horizon.Now);
        }

        if (parse.GetValue(_week))
        {
            chosen.Add(Horizon.Week);
        }

        if (parse.GetValue(_later))
        {
            chosen.Add(Horizon.Later);
        }

        return chosen.Count switch
        {
            1 => chosen[0],
            0 when fallback is { } f => f,
            0 => Error.Invalid("Say where: --now, --week or --later."),
            _ => Error.Invalid("Choose one of --now, --week and --later."),
        };
    }
}
