using Microsoft.Data.Sqlite;

namespace Headway.Cli.Tests.Hosting;

/// <summary>An older headway meets a database a newer one upgraded: it says so in one sentence and changes nothing.</summary>
public sealed class NewerSchemaTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("goal", "list")]
    [InlineData("add", "write 500 words of chapter 5", "--later")]
    [InlineData("done", "1", "--result", "ran 5 km in 31 minutes")]
    public async Task EveryCommand_IsRefused_AndTheDatabaseIsLeftAsItWas(params string[] args)
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "run 5 km along the river", "--now", "--goal", "1");
        var before = await _cli.SnapshotAsync();
        await HistoryAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')");

        var result = await _cli.RunAsync(args);

        result.AssertOneSentenceError(1);
        Assert.StartsWith("This database was upgraded by a newer Headway (its schema is 29991231000000_FromTheFuture", result.Error, StringComparison.Ordinal);
        await HistoryAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '29991231000000_FromTheFuture'");
        Assert.Equal(before, await _cli.SnapshotAsync());
    }

    private async Task HistoryAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cli.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
