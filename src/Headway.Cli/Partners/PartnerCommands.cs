using System.CommandLine;
using System.Globalization;
using Headway.App.Goals;
using Headway.App.Json;
using Headway.App.Partners;
using Headway.Cli.Hosting;
using Headway.Core;
using Spectre.Console;

namespace Headway.Cli.Partners;

/// <summary><c>headway partner invite|list|revoke|share|unshare|remove</c>: the people you report to, and what they see.</summary>
public static class PartnerCommands
{
    /// <summary>Where `headway serve` listens unless told otherwise: the address invitation links point to by default.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(CliContext cli)
    {
        var partner = new Command("partner", "Accountability partners: invite them, choose which goals they see, remove them.");
        partner.Add(Invite(cli));
        partner.Add(List(cli));
        partner.Add(Revoke(cli));
        partner.Add(Share(cli));
        partner.Add(Unshare(cli));
        partner.Add(Remove(cli));
        return partner;
    }

    private static Command Invite(CliContext cli)
    {
        var email = new Option<string?>("--email") { Description = "Their email address, kept with the invitation so you can tell your links apart." };
        var url = new Option<string?>("--url") { Description = $"The web app's address that the link points to (default {DefaultUrl})." };
        var command = new Command("invite", "Make a single-use invitation link (7 days) for a partner; they accept it in the web app.") { email, url };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            // The command line sends no email: the link is printed for the user to pass on.
            var made = await InvitePartner.RunAsync(s, parse.GetValue(email), parse.GetValue(url) ?? DefaultUrl, null, ct);
            if (!made.IsOk)
            {
                return cli.Fail(made.Error!);
            }

            var i = made.Value.Invitation;
            cli.Env.Console.MarkupLine($"Invitation [bold]{i.Id}[/]{(i.Email is null ? "" : " for " + Markup.Escape(i.Email))}: send this link{(i.Email is null ? "" : " to them")}. It works once, until {When(i.ExpiresAt)}, and is shown only now:");
            cli.Env.Out.WriteLine(made.Value.Link);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command List(CliContext cli)
    {
        var json = new Option<bool>("--json") { Description = "Print partners and pending invitations as JSON." };
        var command = new Command("list", "List your partners, what each one sees, and your pending invitations.") { json };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var partners = await PartnerQueries.ListAsync(s, ct);
            var invitations = await ListInvitations.RunAsync(s, ct);
            if (parse.GetValue(json))
            {
                cli.WriteJson(new PartnersJson([.. partners.Select(p => p.ToJson())], [.. invitations.Select(i => i.ToJson())]),
                    PartnerJsonContext.Default.PartnersJson);
                return ExitCodes.Ok;
            }

            var titles = (await GoalQueries.ListAsync(s, includeClosed: true, ct)).ToDictionary(g => g.Id, g => g.Title);
            cli.Env.Console.MarkupLine($"[bold]Partners[/] [grey]({partners.Count})[/]");
            if (partners.Count == 0)
            {
                cli.Env.Console.MarkupLine("  [grey]none yet: `headway partner invite` makes a link[/]");
            }

            foreach (var p in partners)
            {
                var goals = p.SharedGoalIds.Count == 0 ? "no goal shared yet" : string.Join(", ", p.SharedGoalIds.Select(id => titles.GetValueOrDefault(id, $"goal {id}")));
                cli.Env.Console.MarkupLine($"  [bold]{p.Id}[/] {Markup.Escape(p.Name)}{(p.Email is null ? "" : " [grey]<" + Markup.Escape(p.Email) + ">[/]")} [grey]({(p.SeesActions ? "actions" : "outcomes only")})[/]");
                cli.Env.Console.MarkupLine($"      sees: {Markup.Escape(goals)}");
            }

            if (invitations.Count > 0)
            {
                cli.Env.Console.MarkupLine($"[bold]Pending invitations[/] [grey]({invitations.Count})[/]");
                foreach (var i in invitations)
                {
                    cli.Env.Console.MarkupLine($"  [bold]{i.Id}[/] {Markup.Escape(i.Email ?? "link to copy")} [grey](expires {When(i.ExpiresAt)})[/]");
                }
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Revoke(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The invitation's id, from `headway partner list`." };
        var command = new Command("revoke", "Revoke a pending invitation: its link stops working at once.") { id };
        command.SetAction((parse, ct) =>
        {
            var raw = parse.GetValue(id);
            return CliContext.TryParseId(raw, out var invitationId)
                ? cli.WithSessionAsync(parse, async s => Done(cli, await RevokeInvitation.RunAsync(s, invitationId, ct), _ => $"Revoked invitation {invitationId}: its link no longer works."), ct)
                : Task.FromResult(cli.Fail(CliContext.InvalidId(raw, "an invitation", "headway partner list")));
        });
        return command;
    }

    private static Command Share(CliContext cli)
    {
        var partner = PartnerArgument();
        var goal = GoalOption();
        var actions = new Option<bool>("--actions") { Description = "Let this partner see your individual actions toward shared goals." };
        var outcomes = new Option<bool>("--outcomes") { Description = "Let this partner see only the outcomes you deliver (the default for a new partner)." };
        var command = new Command("share", "Share a goal with a partner, and optionally choose whether they see actions or only outcomes.") { partner, goal, actions, outcomes };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(actions) && parse.GetValue(outcomes))
            {
                return Task.FromResult(cli.Fail(ErrorKind.Invalid, "Give --actions or --outcomes, not both."));
            }

            bool? seesActions = parse.GetValue(actions) ? true : parse.GetValue(outcomes) ? false : null;
            return cli.WithSessionAsync(parse, async s => Done(cli, await ShareGoal.RunAsync(s, parse.GetValue(partner)!, parse.GetValue(goal)!, seesActions, ct),
                r => $"{r.Partner.Name} now sees goal {r.Goal.Id} ({r.Goal.Title}), {(r.Partner.SeesActions ? "with your actions" : "outcomes only")}."), ct);
        });
        return command;
    }

    private static Command Unshare(CliContext cli)
    {
        var partner = PartnerArgument();
        var goal = GoalOption();
        var command = new Command("unshare", "Stop sharing a goal with a partner; it takes effect at their next request.") { partner, goal };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
            Done(cli, await UnshareGoal.RunAsync(s, parse.GetValue(partner)!, parse.GetValue(goal)!, ct),
                r => $"{r.Partner.Name} no longer sees goal {r.Goal.Id} ({r.Goal.Title})."), ct));
        return command;
    }

    private static Command Remove(CliContext cli)
    {
        var partner = PartnerArgument();
        var command = new Command("remove", "Remove a partner: they see nothing of yours from their next request on.") { partner };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
            Done(cli, await RemovePartner.RunAsync(s, parse.GetValue(partner)!, ct), p => $"Removed {p.Name}: they no longer see anything of yours."), ct));
        return command;
    }

    private static Argument<string> PartnerArgument() => new("partner") { Description = "The partner: the id from `headway partner list`, their email or their name." };

    private static Option<string> GoalOption() => new("--goal", "-g") { Description = "The goal: an id or a unique part of its title.", Required = true };

    private static int Done<T>(CliContext cli, Result<T> result, Func<T, string> text)
    {
        if (!result.IsOk)
        {
            return cli.Fail(result.Error!);
        }

        cli.Env.Console.MarkupLine(Markup.Escape(text(result.Value)));
        return ExitCodes.Ok;
    }

    private static string When(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z";
}
