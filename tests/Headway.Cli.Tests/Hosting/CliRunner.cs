using System.Text.Json;
using Headway.Cli.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Headway.Cli.Tests.Hosting;

/// <summary>
/// Runs <c>headway</c> in process, the way a user would type it: its own SQLite file in a temp folder, a fake clock
/// stopped on Thursday 2026-11-26 10:00 UTC, captured stdout and stderr, and optional scripted answers on stdin.
/// </summary>
internal sealed class CliRunner : IDisposable
{
    public static readonly DateTimeOffset Thursday = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("headway-cli-");

    public CliRunner()
    {
        DatabasePath = Path.Combine(_folder.FullName, "headway.db");
    }

    public string DatabasePath { get; }

    public string Folder => _folder.FullName;

    public FakeTimeProvider Clock { get; } = new(Thursday);

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, new CliSession());

    public async Task<CliResult> RunAsync(string[] args, CliSession session)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(session.Input);
        var env = new CliEnvironment(
            output, error, input, Clock,
            name => name switch
            {
                "HEADWAY_DATABASE" => DatabasePath,
                "NO_COLOR" => session.NoColor ? "1" : null,
                _ => null,
            },
            session.Terminal, session.OutputTerminal ?? session.Terminal);
        var code = await HeadwayCli.RunAsync(args, env, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs a command that must succeed, and returns its output.</summary>
    public async Task<CliResult> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"`headway {string.Join(' ', args)}` exited {result.ExitCode}: {result.Error}");
        Assert.Equal("", result.Error);
        return result;
    }

    /// <summary>Runs a <c>--json</c> command that must succeed, and returns its parsed output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] args) => (await OkAsync([.. args, "--json"])).Json;

    /// <summary>Everything a user could list, as JSON: what "nothing changed" is checked against.</summary>
    public async Task<string> SnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var args in new[] { ["goal", "list", "--all"], ["now"], ["week"], ["later"], new[] { "commit", "list", "--all" } })
        {
            parts.Add((await OkAsync([.. args, "--json"])).Out);
        }

        return string.Join("\n", parts);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}

/// <summary>How one invocation is run: scripted input lines, whether stdin/stdout look like a terminal, NO_COLOR.</summary>
internal sealed record CliSession(string Input = "", bool Terminal = false, bool? OutputTerminal = null, bool NoColor = false)
{
    /// <summary>A person at a terminal typing <paramref name="lines"/>; NO_COLOR keeps the output plain to assert on.</summary>
    public static CliSession Answering(params string[] lines) => new(string.Join('\n', lines) + "\n", Terminal: true, NoColor: true);
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json
    {
        get
        {
            using var doc = JsonDocument.Parse(Out);
            return doc.RootElement.Clone();
        }
    }

    /// <summary>stderr holds exactly one sentence: one line, ending with a full stop.</summary>
    public void AssertOneSentenceError(int exitCode)
    {
        Assert.True(ExitCode == exitCode, $"expected exit {exitCode}, got {ExitCode}; stderr: {Error}; stdout: {Out}");
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got: {Error}");
        Assert.EndsWith(".", lines[0], StringComparison.Ordinal);
        Assert.InRange(lines[0].Length, 10, 400);
    }
}
