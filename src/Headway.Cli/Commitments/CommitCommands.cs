using System.CommandLine;
using System.Globalization;
using Headway.App;
using Headway.App.Commitments;
using Headway.App.Json;
using Headway.App.Partners;
using Headway.Cli.Hosting;
using Headway.Core;
using Headway.Core.Analysis;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Spectre.Console;

namespace Headway.Cli.Commitments;

/// <summary><c>headway commit add|list|lock|change|request|withdraw|keep|drop</c>: firm dates that can't be quietly loosened.</summary>
public static class CommitCommands
{
    public static Command Create(CliContext cli)
    {
        var commit = new Command("commit", "Firm dates on goals or actions; locked ones can't be quietly loosened.");
        commit.Add(Add(cli));
        commit.Add(List(cli));
        commit.Add(Simple(cli, "lock", "Lock a commitment: stricter changes apply at once, easier ones need approval or a 7-day cooling-off.",
            async (s, id, ct) => Describe(await ChangeCommitment.LockAsync(s, id, ct), c => $"Locked commitment {c.Id}: {c.Describe()}.")));
        commit.Add(Change(cli, "change", "Change a commitment's date or target. On a locked one, only stricter changes are accepted.", allowRequest: false));
        commit.Add(Change(cli, "request", "Ask to make a locked commitment easier (later date, smaller target, drop): it applies after approval or a 7-day cooling-off.", allowRequest: true));
        commit.Add(Simple(cli, "withdraw", "Withdraw the pending request on a commitment.",
            async (s, id, ct) => Describe(await ChangeCommitment.WithdrawAsync(s, id, ct), _ => $"Withdrew the pending request on commitment {id}.")));
        commit.Add(Simple(cli, "keep", "Mark a commitment kept.",
            async (s, id, ct) => Describe(await ChangeCommitment.KeepAsync(s, id, ct), c => $"Kept commitment {c.Id}: {c.Describe()}. Well done.")));
        commit.Add(Simple(cli, "drop", "Drop an open (unlocked) commitment. A locked one needs `headway commit request ID --drop`.",
            async (s, id, ct) => Describe(await ChangeCommitment.RequestAsync(s, id, CommitmentChange.Drop(), allowRequest: false, ct), _ => $"Dropped commitment {id}.")));
        return commit;
    }

    private static Result<string> Describe<T>(Result<T> result, Func<T, string> text) => result.IsOk ? text(result.Value) : result.Error!;

    private static Command Add(CliContext cli)
    {
        var goal = new Option<string?>("--goal", "-g") { Description = "The goal it binds: an id or a unique part of the title." };
        var action = new Option<string?>("--action", "-a") { Description = "The action it binds: an id." };
        var date = new Option<string>("--date") { Description = "The firm date: yyyy-MM-dd, a weekday, 'in N weeks'...", Required = true };
        var eventName = new Option<string?>("--event") { Description = "An external event, e.g. \"Hometown 5K\"." };
        var link = new Option<string?>("--link") { Description = "The event's web address." };
        var target = new Option<string?>("--target") { Description = "A target amount, e.g. \"5 km\"." };
        var lockIt = new Option<bool>("--lock") { Description = "Lock it at once." };
        var json = new Option<bool>("--json") { Description = "Print the commitment as JSON." };
        var command = new Command("add", "Commit to a firm date for a goal or an action, ideally an external event.") { goal, action, date, eventName, link, target, lockIt, json };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var due = CliContext.ParseDate(s, parse.GetValue(date)!);
            if (!due.IsOk)
            {
                return cli.Fail(due.Error!);
            }

            long? actionId = null;
            if (parse.GetValue(action) is { } rawAction)
            {
                if (!CliContext.TryParseId(rawAction, out var parsedId))
                {
                    return cli.Fail(CliContext.InvalidId(rawAction, "an action", "headway week"));
                }

                actionId = parsedId;
            }

            Quantity? amount = null;
            if (parse.GetValue(target) is { } targetText)
            {
                if (OutcomeParser.Parse(targetText) is not { } parsed)
                {
                    return cli.Fail(ErrorKind.Invalid, $"'{CliContext.Shorten(targetText)}' is not a target: give an amount and a unit, like \"5 km\".");
                }

                amount = new Quantity(parsed.Quantity, parsed.Unit);
            }

            var created = await CreateCommitment.RunAsync(s, new NewCommitment(
                parse.GetValue(goal), actionId, due.Value, parse.GetValue(eventName), parse.GetValue(link), amount, parse.GetValue(lockIt)), ct);
            if (!created.IsOk)
            {
                return cli.Fail(created.Error!);
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(created.Value.ToJson(), HeadwayJsonContext.Default.CommitmentJson);
                return ExitCodes.Ok;
            }

            var c = created.Value;
            cli.Env.Console.MarkupLine($"Committed [bold]{c.Id}[/]: {Markup.Escape(c.Describe())}{(c.Status == CommitmentStatus.Locked ? " [red](locked)[/]" : " — lock it with `headway commit lock " + c.Id + "`")}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command List(CliContext cli)
    {
        var all = new Option<bool>("--all") { Description = "Include kept, missed and dropped commitments." };
        var json = new Option<bool>("--json") { Description = "Print the commitments as a JSON array." };
        var command = new Command("list", "List your commitments.") { all, json };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var list = await CommitmentQueries.ListAsync(s, parse.GetValue(all), ct);
            var pending = (await CommitmentQueries.PendingRequestsAsync(s, ct)).ToDictionary(r => r.CommitmentId);
            if (parse.GetValue(json))
            {
                cli.WriteJson(list.Select(c => c.ToJson(pending.GetValueOrDefault(c.Id))).ToList(), HeadwayJsonContext.Default.ListCommitmentJson);
                return ExitCodes.Ok;
            }

            cli.Env.Console.MarkupLine($"[bold]Commitments[/] [grey]({list.Count})[/]");
            foreach (var c in list)
            {
                var days = c.Due.DayNumber - s.Today.DayNumber;
                var when = c.IsLive ? days switch { 0 => "today", 1 => "tomorrow", < 0 => $"{-days} days ago", _ => $"in {days} days" } : CommitmentRules.Name(c.Status);
                var bound = c.GoalId is { } g ? $"goal {g}" : $"action {c.ActionId}";
                cli.Env.Console.MarkupLine($"  [bold]{c.Id}[/] {Markup.Escape(c.Describe())} [grey]({bound}, {when})[/]{(c.Status == CommitmentStatus.Locked ? " [red]locked[/]" : "")}");
                if (pending.GetValueOrDefault(c.Id) is { } r)
                {
                    var eta = r.EffectiveAt is { } at ? $"applies {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z unless withdrawn" : "awaiting a partner's approval";
                    cli.Env.Console.MarkupLine($"      [yellow]pending:[/] {Markup.Escape(r.Change.Describe())} [grey]({eta})[/]");
                }
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Change(CliContext cli, string name, string description, bool allowRequest)
    {
        var id = new Argument<string>("id") { Description = "The commitment's id." };
        var date = new Option<string?>("--date") { Description = "A new date." };
        var target = new Option<string?>("--target") { Description = "A new target amount, e.g. \"10 km\"." };
        var drop = new Option<bool>("--drop") { Description = "Drop the commitment." };
        var command = new Command(name, description) { id, date, target, drop };
        command.SetAction((parse, ct) => WithId(cli, parse, id, async (s, commitmentId) =>
        {
            var chosen = (parse.GetValue(date) is not null ? 1 : 0) + (parse.GetValue(target) is not null ? 1 : 0) + (parse.GetValue(drop) ? 1 : 0);
            if (chosen != 1)
            {
                return cli.Fail(ErrorKind.Invalid, "Give exactly one of --date, --target and --drop.");
            }

            CommitmentChange change;
            if (parse.GetValue(date) is { } dateText)
            {
                var parsed = CliContext.ParseDate(s, dateText);
                if (!parsed.IsOk)
                {
                    return cli.Fail(parsed.Error!);
                }

                change = CommitmentChange.Reschedule(parsed.Value);
            }
            else if (parse.GetValue(target) is { } targetText)
            {
                if (OutcomeParser.Parse(targetText) is not { } amount)
                {
                    return cli.Fail(ErrorKind.Invalid, $"'{CliContext.Shorten(targetText)}' is not a target: give an amount and a unit, like \"5 km\".");
                }

                change = CommitmentChange.Retarget(new Quantity(amount.Quantity, amount.Unit));
            }
            else
            {
                change = CommitmentChange.Drop();
            }

            var outcome = await ChangeCommitment.RequestAsync(s, commitmentId, change, allowRequest, ct);
            if (!outcome.IsOk)
            {
                return cli.Fail(outcome.Error!);
            }

            if (outcome.Value.Request is { } request)
            {
                cli.Env.Console.MarkupLine(request.EffectiveAt is { } at
                    ? $"Requested: {Markup.Escape(change.Describe())}. No partner can approve it, so it applies after cooling off, on {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z, unless you withdraw it (`headway commit withdraw {commitmentId}`)."
                    : $"Requested: {Markup.Escape(change.Describe())}. It applies once one of them approves: {Markup.Escape(await ApproversAsync(s, outcome.Value.Commitment, ct))}.");
            }
            else
            {
                cli.Env.Console.MarkupLine($"Changed commitment [bold]{commitmentId}[/]: {Markup.Escape(outcome.Value.Commitment.Describe())} ({CommitmentRules.Name(outcome.Value.Commitment.Status)}).");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>The partners who can see the commitment, by name: who must approve a request on it.</summary>
    private static async Task<string> ApproversAsync(PlannerSession s, Commitment c, CancellationToken ct)
    {
        var names = (await PartnerQueries.ListAsync(s, ct)).ToDictionary(p => p.PartnerUserId, p => p.Name);
        return string.Join(", ", (await PartnerQueries.WhoCanSeeAsync(s.Db, s.UserId, c, ct)).Select(id => names.GetValueOrDefault(id, $"partner {id}")));
    }

    private static Command Simple(CliContext cli, string name, string description, Func<PlannerSession, long, CancellationToken, Task<Result<string>>> run)
    {
        var id = new Argument<string>("id") { Description = "The commitment's id." };
        var command = new Command(name, description) { id };
        command.SetAction((parse, ct) => WithId(cli, parse, id, async (s, commitmentId) =>
        {
            var result = await run(s, commitmentId, ct);
            if (!result.IsOk)
            {
                return cli.Fail(result.Error!);
            }

            cli.Env.Console.MarkupLine(Markup.Escape(result.Value));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Task<int> WithId(CliContext cli, ParseResult parse, Argument<string> id, Func<PlannerSession, long, Task<int>> work, CancellationToken ct)
    {
        var raw = parse.GetValue(id);
        return CliContext.TryParseId(raw, out var value)
            ? cli.WithSessionAsync(parse, s => work(s, value), ct)
            : Task.FromResult(cli.Fail(CliContext.InvalidId(raw, "a commitment", "headway commit list")));
    }
}
