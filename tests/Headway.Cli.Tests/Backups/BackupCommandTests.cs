using System.Collections.Concurrent;
using System.Globalization;
using Headway.Cli.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Headway.Cli.Tests.Backups;

/// <summary>`headway backup` and `headway restore`: a consistent copy taken while others write, and putting it back.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string InFolder(string name) => Path.Combine(_cli.Folder, name);

    private async Task FillAsync()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness", "--target", "5 km");
        await _cli.OkAsync("goal", "add", "Finish the first draft", "--why", "I want to be a novelist");
        await _cli.OkAsync("add", "run 5 km along the river", "--now", "--goal", "1");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--week", "--goal", "2", "--due", "2026-12-02");
        await _cli.OkAsync("done", "2", "--result", "1,150 words");
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--event", "Hometown 5K", "--target", "5 km", "--lock");
        await _cli.OkAsync("commit", "request", "1", "--date", "2027-04-14");
    }

    [Fact]
    public async Task Backup_WhileFiftyWritersAddActions_HoldsEveryWriteAcknowledgedBeforeItStarted()
    {
        await _cli.OkAsync("add", "write the first line", "--later");
        var acknowledged = new ConcurrentBag<long>();
        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var backupStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Fifty writers, each adding actions one command at a time (as fifty terminals would) until told to stop.
        var writers = Enumerable.Range(0, 50).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var result = await _cli.RunAsync("add", string.Create(CultureInfo.InvariantCulture, $"write {100 + i} words, writer {w}"), "--later", "--json");
                if (result.ExitCode != 0)
                {
                    failures.Add(result.Error);
                    return;
                }

                acknowledged.Add(result.Json.GetProperty("id").GetInt64());
                if (acknowledged.Count >= 100)
                {
                    backupStarted.TrySetResult();
                }
            }
        })).ToList();

        await backupStarted.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        var before = acknowledged.ToHashSet();
        var backup = await _cli.RunAsync("backup", InFolder("during.db"));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(failures);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.StartsWith($"Backed up {_cli.DatabasePath} to {InFolder("during.db")}", backup.Out, StringComparison.Ordinal);
        using var copy = new SqliteConnection($"Data Source={InFolder("during.db")};Mode=ReadOnly;Pooling=False");
        copy.Open();
        Assert.Equal("ok", Scalar(copy, "PRAGMA integrity_check"));
        Assert.Equal("delete", Scalar(copy, "PRAGMA journal_mode"));
        var saved = Ids(copy);
        Assert.Subset(saved, before);
        Assert.True(before.Count >= 100);
        Assert.True(acknowledged.Count > before.Count, "the writers went on writing while the backup ran");
    }

    [Fact]
    public async Task BackupThenRestore_GivesBackExactlyTheDataThatWasBackedUp()
    {
        await FillAsync();
        var exported = (await _cli.OkAsync("export")).Out;
        await _cli.OkAsync("backup", InFolder("backup.db"));

        await _cli.OkAsync("add", "email Ana to ask for feedback on chapter 3", "--week");
        await _cli.OkAsync("goal", "pause", "2");
        Assert.NotEqual(exported, (await _cli.OkAsync("export")).Out);
        var restored = await _cli.OkAsync("restore", InFolder("backup.db"));

        Assert.Equal(exported, (await _cli.OkAsync("export")).Out);
        Assert.StartsWith($"Restored {InFolder("backup.db")} into {_cli.DatabasePath}: 2 goals, 2 actions, 1 commitment.", restored.Out, StringComparison.Ordinal);
        var kept = Assert.Single(Directory.GetFiles(_cli.Folder, "headway.db.before-restore-*.bak"));
        Assert.Contains($"The database as it was is kept in {kept}.", restored.Out, StringComparison.Ordinal);
        using var previous = new SqliteConnection($"Data Source={kept};Mode=ReadOnly;Pooling=False");
        previous.Open();
        Assert.Equal(3L, (long)Scalar(previous, "SELECT COUNT(*) FROM actions")!);
    }

    [Fact]
    public async Task TwoRestoresInTheSameSecond_KeepBothEarlierDatabases()
    {
        await FillAsync();
        var original = (await _cli.OkAsync("export")).Out;
        await _cli.OkAsync("backup", InFolder("backup.db"));
        await _cli.OkAsync("goal", "pause", "2");
        var paused = (await _cli.OkAsync("export")).Out;

        await _cli.OkAsync("restore", InFolder("backup.db"));
        await _cli.OkAsync("restore", InFolder("backup.db"));

        var kept = Directory.GetFiles(_cli.Folder, "headway.db.before-restore-*.bak").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, kept.Count);
        Assert.EndsWith("-2.bak", kept[0], StringComparison.Ordinal);
        using var other = new CliRunner();
        await other.OkAsync("restore", kept[1]);
        Assert.Equal(paused, (await other.OkAsync("export")).Out);
        await other.OkAsync("restore", kept[0]);
        Assert.Equal(original, (await other.OkAsync("export")).Out);
    }

    [Fact]
    public async Task Restore_IntoANewDatabaseFile_CreatesIt()
    {
        await FillAsync();
        var exported = (await _cli.OkAsync("export")).Out;
        await _cli.OkAsync("backup", InFolder("backup.db"));

        using var other = new CliRunner();
        var restored = await other.OkAsync("restore", InFolder("backup.db"));

        Assert.DoesNotContain("kept in", restored.Out, StringComparison.Ordinal);
        Assert.Equal(exported, (await other.OkAsync("export")).Out);
    }

    public static TheoryData<string, string> NotBackups => new()
    {
        { "notes.txt", "write 500 words\nrun 5 km\n" },
        { "export.json", "{\"format\": \"headway\", \"version\": 1}" },
        { "empty.db", "" },
    };

    [Theory]
    [MemberData(nameof(NotBackups))]
    public async Task Restore_OfAFileThatIsNotABackup_IsRefusedAndChangesNothing(string name, string content)
    {
        await FillAsync();
        var before = (await _cli.OkAsync("export")).Out;
        await File.WriteAllTextAsync(InFolder(name), content, TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("restore", InFolder(name));

        result.AssertOneSentenceError(2);
        Assert.StartsWith($"{InFolder(name)} is not a Headway backup:", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await _cli.OkAsync("export")).Out);
        Assert.Empty(Directory.GetFiles(_cli.Folder, "*.bak"));
        Assert.Empty(Directory.GetFiles(_cli.Folder, "*.tmp-*"));
    }

    [Fact]
    public async Task Restore_OfAnotherProgramsSqliteDatabase_IsRefused()
    {
        await FillAsync();
        using (var other = new SqliteConnection($"Data Source={InFolder("other.db")};Pooling=False"))
        {
            other.Open();
            using var cmd = other.CreateCommand();
            cmd.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello');";
            cmd.ExecuteNonQuery();
        }

        var result = await _cli.RunAsync("restore", InFolder("other.db"));

        result.AssertOneSentenceError(2);
        Assert.Contains("without Headway's tables", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestoreAndBackup_OfMissingOrWrongPaths_SayWhatToDo()
    {
        await FillAsync();

        (await _cli.RunAsync("restore", InFolder("nope.db"))).AssertOneSentenceError(3);
        (await _cli.RunAsync("backup", _cli.Folder)).AssertOneSentenceError(2);
        (await _cli.RunAsync("backup", _cli.DatabasePath)).AssertOneSentenceError(2);
        (await _cli.RunAsync("backup", Path.Combine(_cli.Folder, "no-such-folder", "b.db"))).AssertOneSentenceError(3);
        (await _cli.RunAsync("restore", _cli.DatabasePath)).AssertOneSentenceError(2);
    }

    [Theory]
    [InlineData("backup", "pg_dump")]
    [InlineData("restore", "pg_restore")]
    public async Task OnPostgres_BackupAndRestore_PointToThePostgresTools(string command, string tool)
    {
        var result = await _cli.RunAsync(command, InFolder("x.dump"), "--database", "Host=127.0.0.1;Port=1;Database=headway;Username=nobody");

        result.AssertOneSentenceError(2);
        Assert.Contains($"use {tool}", result.Error, StringComparison.Ordinal);
        Assert.Contains("docs/operations.md", result.Error, StringComparison.Ordinal);
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static HashSet<long> Ids(SqliteConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT id FROM actions";
        using var reader = cmd.ExecuteReader();
        var ids = new HashSet<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
