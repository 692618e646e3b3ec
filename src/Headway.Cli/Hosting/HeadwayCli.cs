using System.CommandLine;
using System.CommandLine.Parsing;
using System.Data.Common;
using Headway.App.Storage;
using Headway.Cli.Actions;
using Headway.Cli.Audit;
using Headway.Cli.Check;
using Headway.Cli.CheckIns;
using Headway.Cli.Commitments;
using Headway.Cli.Dashboard;
using Headway.Cli.Goals;
using Headway.Cli.Partners;
using Headway.Cli.Reviews;
using Headway.Cli.Serve;
using Headway.Cli.Settings;
using Headway.Cli.Start;

namespace Headway.Cli.Hosting;

/// <summary>Builds the command tree and runs one invocation: parse → use case → render.</summary>
public static class HeadwayCli
{
    public static RootCommand BuildRoot(CliEnvironment env)
    {
        var cli = new CliContext(env);
        var root = new RootCommand("Headway: a goal-first planner that tells progress from busy work.");
        root.Add(cli.Database);
        root.Add(CheckCommand.Create(cli));
        root.Add(AuditCommand.Create(cli));
        root.Add(StartCommand.Create(cli));
        root.Add(GoalCommands.Create(cli));
        foreach (var command in ActionCommands.Create(cli))
        {
            root.Add(command);
        }

        root.Add(CommitCommands.Create(cli));
        root.Add(PartnerCommands.Create(cli));
        root.Add(ReviewCommand.Create(cli));
        root.Add(CheckInCommand.Create(cli));
        root.Add(SettingsCommand.Create(cli));
        root.Add(Transfer.ImportCommand.Create(cli));
        root.Add(Transfer.ExportCommand.Create(cli));
        foreach (var command in Backups.BackupCommands.Create(cli))
        {
            root.Add(command);
        }

        root.Add(ServeCommand.Create(cli));
        DashboardCommand.AttachTo(root, cli);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken ct)
    {
        try
        {
            var parse = BuildRoot(env).Parse(args);
            if (parse.Errors.Count > 0)
            {
                var command = CommandPath(parse.CommandResult);
                // An unknown word explains more than the "required command" error it also causes.
                var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
                await env.Error.WriteLineAsync($"{error.Message.TrimEnd('.')}: see `{command} --help`.");
                return ExitCodes.Invalid;
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (OperationCanceledException)
        {
            await env.Error.WriteLineAsync("Cancelled: nothing was changed by the unfinished command.");
            return ExitCodes.Failure;
        }
        catch (SchemaTooNewException e)
        {
            await env.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failure;
        }
        catch (DbException e)
        {
            await env.Error.WriteLineAsync($"The database could not be used ({FirstLine(e.Message)}): check --database or HEADWAY_DATABASE.");
            return ExitCodes.Failure;
        }
        catch (IOException e)
        {
            await env.Error.WriteLineAsync($"A file could not be read or written ({FirstLine(e.Message)}).");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            await env.Error.WriteLineAsync($"Permission denied ({FirstLine(e.Message)}): check the path's permissions.");
            return ExitCodes.Failure;
        }
        finally
        {
            await env.Out.FlushAsync(CancellationToken.None);
        }
    }

    // The full path, so `commit add` points to `headway commit add --help`, not to the unrelated `headway add`.
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
        {
            names.Insert(0, c.Command is RootCommand ? "headway" : c.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim().TrimEnd('.');
}
