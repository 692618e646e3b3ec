using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Headway.App.Storage;

/// <summary>
/// Applies the schema on first use. The SQL is generated from the EF Core migrations of each provider's migrations
/// project and embedded here (a test fails when it differs from what the migrations generate), so the command line
/// can migrate without loading EF Core.
/// </summary>
internal static class SchemaMigrator
{
    private const string HistoryTable = "__EFMigrationsHistory";

    public static IReadOnlyList<(string Id, string Sql)> Scripts(Provider provider)
    {
        var prefix = $"schema.{provider.ToString().ToLowerInvariant()}.";
        var assembly = typeof(SchemaMigrator).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !n.EndsWith(".history.sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^".sql".Length], ReadResource(assembly, n)))];
    }

    public static string HistoryScript(Provider provider) =>
        ReadResource(typeof(SchemaMigrator).Assembly, $"schema.{provider.ToString().ToLowerInvariant()}.history.sql");

    public static async Task MigrateAsync(HeadwayDb db, CancellationToken ct)
    {
        var scripts = Scripts(db.Provider);
        var latest = scripts[^1].Id;
        var applied = await LatestAppliedAsync(db, ct);
        if (applied == latest)
        {
            return;
        }

        // Migration ids start with their creation time, so a later id than this build's last is a newer release's.
        // Writing with the older code could break what that schema relies on; reading it could show half the data.
        if (applied is not null && string.CompareOrdinal(applied, latest) > 0)
        {
            throw new SchemaTooNewException(applied, latest);
        }

        // One migrator at a time: SQLite's BEGIN IMMEDIATE and PostgreSQL's advisory lock make a second process wait,
        // then find the work done.
        await db.WriteAsync<bool>(async tx =>
        {
            if (db.Provider == Provider.Postgres)
            {
                await db.ExecuteAsync("SELECT pg_advisory_xact_lock(7414023)", tx, ct);
            }

            await db.ExecuteAsync(HistoryScript(db.Provider), tx, ct);
            var applied = await db.ListAsync($"SELECT \"MigrationId\" FROM \"{HistoryTable}\"", r => r.GetString(0), tx, ct);
            var pending = scripts.Where(s => !applied.Contains(s.Id)).ToList();
            if (db.Provider == Provider.Sqlite && applied.Count > 0 && pending.Count > 0)
            {
                KeepCopyBeforeMigrating((SqliteConnection)db.Connection, pending[0].Id);
            }

            foreach (var (_, sql) in pending)
            {
                await db.ExecuteAsync(sql, tx, ct);
            }

            return true;
        }, ct);
    }

    /// <summary>Where the copy of a SQLite database taken before <paramref name="migrationId"/> is applied goes.</summary>
    public static string CopyBeforeMigrating(string databasePath, string migrationId) => $"{databasePath}.before-{migrationId}.bak";

    // An existing database is copied before its schema changes, so a migration that goes wrong (or a newer Headway
    // that turns out to be unwanted) can be undone with `headway restore`. This runs under the migration's write lock:
    // the copy is the state the migration starts from, and a second process waiting to migrate finds the work done
    // and copies nothing. A brand-new file (nothing applied yet) has nothing worth keeping.
    private static void KeepCopyBeforeMigrating(SqliteConnection connection, string migrationId)
    {
        var path = connection.DataSource;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            // An in-memory database (tests) has no file to keep.
            return;
        }

        SqliteCopy.Copy(path, CopyBeforeMigrating(path, migrationId));
    }

    private static async Task<string?> LatestAppliedAsync(HeadwayDb db, CancellationToken ct)
    {
        try
        {
            await using var cmd = db.Sql($"SELECT MAX(\"MigrationId\") FROM \"{HistoryTable}\"");
            return await cmd.ExecuteScalarAsync(ct) as string;
        }
        catch (DbException e) when (e is SqliteException || e.SqlState == "42P01")
        {
            return null;
        }
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The schema script {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>The database was upgraded by a newer Headway than this one: it is left untouched, and nothing opens it.</summary>
public sealed class SchemaTooNewException(string applied, string known) : Exception(
    $"This database was upgraded by a newer Headway (its schema is {applied}, this release knows up to {known}): run that release or newer, or restore the copy of the database kept before the upgrade.")
{
    public string Applied { get; } = applied;
}

