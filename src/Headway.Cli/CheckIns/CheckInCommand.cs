using System.CommandLine;
using Headway.App.CheckIns;
using Headway.Cli.Hosting;

namespace Headway.Cli.CheckIns;

/// <summary>
/// <c>headway checkin [--send]</c>: prints this week's check-in as each partner would receive it (only the goals shared
/// with them), or the user's own full one without partners; <c>--send</c> queues it to every partner, and a running
/// <c>headway serve</c> delivers it by email, webhook and in the app.
/// </summary>
public static class CheckInCommand
{
    public static Command Create(CliContext cli)
    {
        var send = new Option<bool>("--send") { Description = "Queue the check-in to every partner now (headway serve delivers it)." };
        var command = new Command("checkin", "This week's check-in for your accountability partners: outcomes per goal, what slipped, progress ratio, what is coming up.") { send };
        command.SetAction((parse, ct) => cli.WithSessionAsync(parse, async s =>
        {
            var checkIns = await SendCheckIn.ComposeAsync(s, ct);
            var output = cli.Env.Out;
            if (checkIns.Count == 0)
            {
                await output.WriteAsync((await SendCheckIn.ComposeForSelfAsync(s, ct)).ToText());
                if (parse.GetValue(send))
                {
                    return cli.Fail(Core.ErrorKind.Refused, "You have no accountability partner to send a check-in to: invite one on the partners page first.");
                }

                await output.WriteLineAsync();
                await output.WriteLineAsync("No partner yet: this is your own view of the week. Invite a partner to send it to them.");
                return ExitCodes.Ok;
            }

            foreach (var c in checkIns)
            {
                await output.WriteLineAsync($"To {c.PartnerName}:");
                await output.WriteLineAsync(c.CheckIn.ToText());
            }

            if (parse.GetValue(send))
            {
                var queued = await SendCheckIn.QueueAsync(s, checkIns, SendCheckIn.NowKey(s.UserId, s.NowUtc), ct);
                await output.WriteLineAsync(queued == 0
                    ? "Already queued this minute: nothing more was sent."
                    : $"Queued for {queued} partner{(queued == 1 ? "" : "s")}; a running `headway serve` delivers it by email, webhook and in the app.");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
