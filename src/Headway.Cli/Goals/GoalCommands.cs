using System.CommandLine;
using System.Globalization;
using Headway.App;
using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Json;
using Headway.Cli.Actions;
using Headway.Cli.Hosting;
using Headway.Core;
using Headway.Core.Analysis;
using Headway.Core.Goals;
using Spectre.Console;

namespace Headway.Cli.Goals;

/// <summary><c>headway goal add|list|show|edit|pause|resume|achieve|drop</c>.</summary>
public static class GoalCommands
{
    public static Command Create(CliContext cli)
    {
        var goal = new Command("goal", "Your 3–5 big-picture goals.");
        goal.Add(Add(cli));
        goal.Add(List(cli));
        goal.Add(Show(cli));
        goal.Add(Edit(cli));
        goal.Add(Status(cli, "pause", GoalStatus.Paused, "Set a goal aside; it stops counting toward the cap of 5."));
        goal.Add(Status(cli, "resume", GoalStatus.Active, "Make a paused goal active again (within the cap of 5)."));
        goal.Add(Status(cli, "achieve", GoalStatus.Achieved, "Mark a goal achieved."));
        goal.Add(Status(cli, "drop", GoalStatus.Dropped, "Give a goal up on purpose."));
        return goal;
    }

    private static Command Add(CliContext cli)
    {
        var title = new Argument<string>("title") { Description = "The goal, e.g. \"Finish the first draft of my novel\"." };
        var fields = new GoalFields();
        var json = new Option<bool>("--json") { Description = "Print the goal as JSON." };
        var command = new Command("add", "Add an active goal (at most 5 active).") { title, json };
        fields.AddTo(command);
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var read = fields.Read(parse, s);
            if (!read.IsOk)
            {
                return cli.Fail(read.Error!);
            }

            var f = read.Value;
            var added = await AddGoal.RunAsync(s, new NewGoal(parse.GetValue(title) ?? "", f.Why, f.Area ?? GoalArea.Other, f.Target, f.TargetDate), ct);
            if (!added.IsOk)
            {
                return cli.Fail(added.Error!);
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(added.Value.ToJson(), HeadwayJsonContext.Default.GoalJson);
                return ExitCodes.Ok;
            }

            cli.Env.Console.MarkupLine($"Added goal [bold]{added.Value.Id}[/]: {Markup.Escape(added.Value.Title)}");
            if (GoalRules.FewGoalsNote((int)await CountActive(s, ct)) is { } note)
            {
                cli.Env.Console.MarkupLine($"  [grey]{Markup.Escape(note)}[/]");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static async Task<long> CountActive(PlannerSession s, CancellationToken ct) =>
        (await GoalQueries.ListAsync(s, includeClosed: false, ct)).Count(g => g.Status == GoalStatus.Active);

    private static Command List(CliContext cli)
    {
        var all = new Option<bool>("--all") { Description = "Include achieved and dropped goals." };
        var json = new Option<bool>("--json") { Description = "Print the goals as a JSON array." };
        var command = new Command("list", "List your goals.") { all, json };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var goals = await GoalQueries.ListAsync(s, parse.GetValue(all), ct);
            if (parse.GetValue(json))
            {
                cli.WriteJson(goals.Select(g => g.ToJson()).ToList(), HeadwayJsonContext.Default.ListGoalJson);
                return ExitCodes.Ok;
            }

            var active = goals.Count(g => g.Status == GoalStatus.Active);
            cli.Env.Console.MarkupLine($"[bold]Goals[/] [grey]({active}/{GoalRules.MaxActive} active)[/]");
            var table = new Table().NoBorder().HideHeaders();
            table.AddColumn(new TableColumn("id").RightAligned());
            table.AddColumn("goal");
            table.AddColumn("status");
            foreach (var g in goals)
            {
                var detail = new List<string> { g.Area.ToString().ToLowerInvariant() };
                if (g.Target is { } t)
                {
                    detail.Add(t.ToString());
                }

                if (g.TargetDate is { } d)
                {
                    detail.Add("by " + ActionView.Date(d));
                }

                table.AddRow(
                    new Markup($"[bold]{g.Id.ToString(CultureInfo.InvariantCulture)}[/]"),
                    new Markup(Markup.Escape(g.Title) + "\n[grey]" + Markup.Escape(string.Join(" · ", detail)) + "[/]"),
                    new Markup(g.Status == GoalStatus.Active ? "[green]active[/]" : $"[grey]{g.Status.ToString().ToLowerInvariant()}[/]"));
            }

            if (goals.Count > 0)
            {
                cli.Env.Console.Write(table);
            }

            if (GoalRules.FewGoalsNote(active) is { } note)
            {
                cli.Env.Console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var id = new Argument<string>("goal") { Description = "The goal's id or a unique part of its title." };
        var json = new Option<bool>("--json") { Description = "Print the goal, its actions and commitments as JSON." };
        var command = new Command("show", "Show a goal with its actions, outcomes and commitments.") { id, json };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var found = await GoalQueries.ResolveAsync(s, parse.GetValue(id) ?? "", ct);
            if (!found.IsOk)
            {
                return cli.Fail(found.Error!);
            }

            var g = found.Value;
            var actions = await ActionQueries.ForGoalAsync(s, g.Id, ct);
            var commitments = await CommitmentQueries.ForGoalAsync(s, g.Id, ct);
            if (parse.GetValue(json))
            {
                cli.WriteJson(new GoalDetailJson(g.ToJson(), actions.Select(a => a.ToJson()).ToList(), commitments.Select(c => c.ToJson()).ToList()),
                    HeadwayJsonContext.Default.GoalDetailJson);
                return ExitCodes.Ok;
            }

            var console = cli.Env.Console;
            console.MarkupLine($"[bold]{g.Id}  {Markup.Escape(g.Title)}[/]  [grey]{g.Area.ToString().ToLowerInvariant()} · {g.Status.ToString().ToLowerInvariant()}[/]");
            if (g.Why is { } why)
            {
                console.MarkupLine($"  why: {Markup.Escape(why)}");
            }

            if (g.Target is { } target)
            {
                var delivered = actions.Where(a => a.Status == Core.Actions.ActionStatus.Done && a.Outcome?.Unit == target.Unit && a.Result is not null)
                    .Sum(a => a.Outcome!.Quantity ?? 0);
                console.MarkupLine($"  target: {Markup.Escape(target.ToString())}{(g.TargetDate is { } d ? " by " + ActionView.Date(d) : "")} · planned outcomes done: {delivered.ToString("#,0.##", CultureInfo.InvariantCulture)} {Markup.Escape(target.Unit)}");
            }

            var done = actions.Where(a => a.Status == Core.Actions.ActionStatus.Done).OrderByDescending(a => a.CompletedAt).ToList();
            var outcomes = done.Count(a => a.EffectiveVerdict == Verdict.Meaningful && !string.IsNullOrWhiteSpace(a.Result));
            console.MarkupLine($"  outcomes delivered: [bold]{outcomes}[/] of {done.Count} actions done");
            foreach (var a in done.Take(10))
            {
                console.MarkupLine($"    [grey]{a.CompletedAt:yyyy-MM-dd}[/] {Markup.Escape(a.Text)}{(a.Result is { } r ? " → [green]" + Markup.Escape(r) + "[/]" : "")}");
            }

            var open = actions.Where(a => a.Status == Core.Actions.ActionStatus.Open).ToList();
            console.MarkupLine($"  open actions: {open.Count}");
            foreach (var a in open)
            {
                console.MarkupLine($"    [bold]{a.Id}[/] {Markup.Escape(a.Text)} [grey]({a.Horizon.ToString().ToLowerInvariant()})[/] {ActionView.Verdict(a)}");
            }

            foreach (var c in commitments)
            {
                console.MarkupLine($"  commitment [bold]{c.Id}[/]: {Markup.Escape(c.Describe())} [grey]({c.Status.ToString().ToLowerInvariant()})[/]");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Edit(CliContext cli)
    {
        var id = new Argument<string>("goal") { Description = "The goal's id or a unique part of its title." };
        var title = new Option<string?>("--title") { Description = "A new title." };
        var fields = new GoalFields();
        var command = new Command("edit", "Change a goal's title, why, area, target or date.") { id, title };
        fields.AddTo(command);
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var read = fields.Read(parse, s);
            if (!read.IsOk)
            {
                return cli.Fail(read.Error!);
            }

            var found = await GoalQueries.ResolveAsync(s, parse.GetValue(id) ?? "", ct);
            if (!found.IsOk)
            {
                return cli.Fail(found.Error!);
            }

            var f = read.Value;
            var edited = await EditGoal.RunAsync(s, found.Value.Id, new GoalEdit(parse.GetValue(title), f.Why, f.Area, f.Target, f.TargetDate), ct);
            if (!edited.IsOk)
            {
                return cli.Fail(edited.Error!);
            }

            cli.Env.Console.MarkupLine($"Edited goal [bold]{edited.Value.Id}[/]: {Markup.Escape(edited.Value.Title)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Status(CliContext cli, string name, GoalStatus status, string description)
    {
        var id = new Argument<string>("goal") { Description = "The goal's id or a unique part of its title." };
        var command = new Command(name, description) { id };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var found = await GoalQueries.ResolveAsync(s, parse.GetValue(id) ?? "", ct);
            if (!found.IsOk)
            {
                return cli.Fail(found.Error!);
            }

            var changed = await ChangeGoalStatus.RunAsync(s, found.Value.Id, status, ct);
            if (!changed.IsOk)
            {
                return cli.Fail(changed.Error!);
            }

            cli.Env.Console.MarkupLine($"Goal [bold]{changed.Value.Id}[/] is now {status.ToString().ToLowerInvariant()}: {Markup.Escape(changed.Value.Title)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>The optional fields shared by <c>goal add</c> and <c>goal edit</c>.</summary>
    private sealed class GoalFields
    {
        private readonly Option<string?> _why = new("--why") { Description = "Why it matters to you." };
        private readonly Option<string?> _area = new("--area") { Description = "career, writing, fitness, networking, learning, creative, health, finance, relationships or other." };
        private readonly Option<string?> _target = new("--target") { Description = "A measurable target, e.g. \"80000 words\" or \"5 km\"." };
        private readonly Option<string?> _by = new("--by") { Description = "A target date." };

        public void AddTo(Command command)
        {
            command.Add(_why);
            command.Add(_area);
            command.Add(_target);
            command.Add(_by);
        }

        public Result<(string? Why, GoalArea? Area, Quantity? Target, DateOnly? TargetDate)> Read(ParseResult parse, PlannerSession s)
        {
            GoalArea? area = null;
            if (parse.GetValue(_area) is { } areaText)
            {
                if (!GoalRules.TryParseArea(areaText, out var parsed))
                {
                    return Error.Invalid($"'{CliContext.Shorten(areaText)}' is not an area: use career, writing, fitness, networking, learning, creative, health, finance, relationships or other.");
                }

                area = parsed;
            }

            Quantity? target = null;
            if (parse.GetValue(_target) is { } targetText)
            {
                if (OutcomeParser.Parse(targetText) is not { } outcome)
                {
                    return Error.Invalid($"'{CliContext.Shorten(targetText)}' is not a measurable target: give an amount and a unit, like \"80000 words\".");
                }

                target = new Quantity(outcome.Quantity, outcome.Unit);
            }

            DateOnly? date = null;
            if (parse.GetValue(_by) is { } byText)
            {
                var parsed = CliContext.ParseDate(s, byText);
                if (!parsed.IsOk)
                {
                    return parsed.Error!;
                }

                date = parsed.Value;
            }

            return (parse.GetValue(_why), area, target, date);
        }
    }
}
