using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Headway.App;
using Headway.App.Storage;
using Headway.App.Users;
using Headway.Core;
using Headway.Core.Dates;

namespace Headway.Cli.Hosting;

/// <summary>What every command shares: the environment, the global options, opening a session, reporting errors.</summary>
public sealed class CliContext(CliEnvironment env)
{
    public CliEnvironment Env { get; } = env;

    public Option<string?> Database { get; } = new("--database")
    {
        Description = "A SQLite file path, or a PostgreSQL connection string or postgres:// URL (default: HEADWAY_DATABASE, else ~/.local/share/headway/headway.db).",
        Recursive = true,
    };

    /// <summary>The database named by --database, else HEADWAY_DATABASE, else the default file.</summary>
    public Result<DatabaseTarget> Target(ParseResult parse) => DatabaseTarget.Parse(parse.GetValue(Database) ?? Env.Variables("HEADWAY_DATABASE"));

    /// <summary>Opens the database, ensures the local owner and applies what time did on its own, then runs <paramref name="work"/>.</summary>
    public async Task<int> WithSessionAsync(ParseResult parse, Func<PlannerSession, Task<int>> work, CancellationToken ct)
    {
        var target = Target(parse);
        if (!target.IsOk)
        {
            return Fail(target.Error!);
        }

        await using var source = HeadwayDataSource.Create(target.Value);
        await using var db = await source.OpenAsync(ct);
        var user = await LocalOwner.EnsureAsync(db, Env.Clock, ct);
        var session = new PlannerSession(db, user, Env.Clock);
        await Housekeeping.RunAsync(session, ct);
        return await work(session);
    }

    /// <summary>Writes an expected failure as one sentence on stderr and returns its exit code.</summary>
    public int Fail(Error error)
    {
        Env.Error.WriteLine(error.Message);
        return ExitCodes.For(error.Kind);
    }

    public int Fail(ErrorKind kind, string message) => Fail(new Error(kind, message));

    public void WriteJson<T>(T value, JsonTypeInfo<T> type)
    {
        Env.Out.WriteLine(JsonSerializer.Serialize(value, type));
    }

    public static bool TryParseId(string? text, out long id) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static Error InvalidId(string? text, string what, string where) =>
        Error.Invalid($"'{Shorten(text)}' is not {what} id: use the number shown by `{where}`.");

    public static Result<DateOnly> ParseDate(PlannerSession s, string text) =>
        DateExpression.Parse(text, s.Today, s.User.Calendar.FirstDay);

    public static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
