using System.CommandLine;
using System.Diagnostics;
using Headway.App.Storage;
using Headway.Cli.Hosting;

namespace Headway.Cli.Serve;

/// <summary>
/// <c>headway serve [--urls URL]</c>: starts the web app. Razor components cannot be compiled ahead of time, so the web
/// server is its own executable, <c>headway-web</c>, published beside this one; this command finds it and hands over.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:8080 (default: http://127.0.0.1:5080)." };
        var command = new Command("serve", "Start the web app (the headway-web server) on this database.") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var database = parse.GetValue(cli.Database) ?? cli.Env.Variables("HEADWAY_DATABASE");
            var target = DatabaseTarget.Parse(database);
            if (!target.IsOk)
            {
                return cli.Fail(target.Error!);
            }

            if (WebServer.Locate(AppContext.BaseDirectory) is not { } server)
            {
                await cli.Env.Error.WriteLineAsync(
                    "The web server (headway-web) is not beside headway: publish both into one folder (see docs/web.md), or in a source checkout build it with `dotnet build src/Headway.Web`.");
                return ExitCodes.Failure;
            }

            var start = server.StartInfo(parse.GetValue(urls));
            // The connection string goes through the environment, not the command line, where `ps` would show a password.
            start.Environment["HEADWAY_DATABASE"] = database ?? target.Value.ConnectionString;
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"{start.FileName} could not be started.");
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C reaches the server too (same process group); give it time to finish its requests.
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }

                return ExitCodes.Ok;
            }

            return process.ExitCode;
        });
        return command;
    }
}

/// <summary>How to start the web server: its executable (or <c>dotnet</c> and its dll) and the folder to run it in.</summary>
public sealed record WebServer(string FileName, string? Dll, string WorkingDirectory)
{
    public const string Name = "headway-web";

    /// <summary>
    /// The published server beside this executable, else (in a source checkout) the newest build of
    /// src/Headway.Web, run with <c>dotnet</c>; null when there is neither.
    /// </summary>
    public static WebServer? Locate(string baseDirectory)
    {
        var native = Path.Combine(baseDirectory, OperatingSystem.IsWindows() ? Name + ".exe" : Name);
        if (File.Exists(native))
        {
            return new WebServer(native, null, baseDirectory);
        }

        if (File.Exists(Path.Combine(baseDirectory, Name + ".dll")))
        {
            return new WebServer("dotnet", Path.Combine(baseDirectory, Name + ".dll"), baseDirectory);
        }

        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Headway.slnx")))
            {
                continue;
            }

            var project = Path.Combine(dir.FullName, "src", "Headway.Web");
            var newest = Directory.Exists(Path.Combine(project, "bin"))
                ? new DirectoryInfo(Path.Combine(project, "bin")).EnumerateFiles(Name + ".dll", SearchOption.AllDirectories)
                    .Where(f => !f.FullName.Contains($"{Path.DirectorySeparatorChar}publish{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .MaxBy(f => f.LastWriteTimeUtc)
                : null;
            // The project folder is the content root, as with `dotnet run`.
            return newest is null ? null : new WebServer("dotnet", newest.FullName, project);
        }

        return null;
    }

    public ProcessStartInfo StartInfo(string? urls)
    {
        var start = new ProcessStartInfo(FileName) { UseShellExecute = false, WorkingDirectory = WorkingDirectory };
        if (Dll is not null)
        {
            start.ArgumentList.Add(Dll);
        }

        if (!string.IsNullOrWhiteSpace(urls))
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(urls);
        }

        return start;
    }
}
