using Headway.App.Storage;
using Headway.Core;
using Npgsql;

namespace Headway.App.Tests.Storage;

/// <summary>What <c>--database</c> and <c>HEADWAY_DATABASE</c> accept: a file path, a connection string or a URL.</summary>
public sealed class DatabaseTargetTests
{
    [Fact]
    public void Parse_FilePath_IsSqliteAtThatFullPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "plans", "headway.db");

        var target = DatabaseTarget.Parse(path).Value;

        Assert.Equal(Provider.Sqlite, target.Provider);
        Assert.Equal(path, target.Display);
        Assert.Contains($"Data Source={path}", target.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RelativePath_IsResolvedAgainstTheCurrentDirectory()
    {
        var target = DatabaseTarget.Parse("plans.db").Value;

        Assert.Equal(Provider.Sqlite, target.Provider);
        Assert.Equal(Path.GetFullPath("plans.db"), target.Display);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Parse_NothingGiven_IsTheDefaultSqliteFile(string? value)
    {
        var target = DatabaseTarget.Parse(value).Value;

        Assert.Equal(Provider.Sqlite, target.Provider);
        Assert.Equal(DatabaseTarget.DefaultPath, target.Display);
        Assert.EndsWith(Path.Combine("headway", "headway.db"), target.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyValueConnectionString_IsPostgresWithItsFields()
    {
        var target = DatabaseTarget.Parse("Host=db.internal;Port=6543;Database=planner;Username=ana;Password=s3cret").Value;

        Assert.Equal(Provider.Postgres, target.Provider);
        var fields = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("db.internal", fields.Host);
        Assert.Equal(6543, fields.Port);
        Assert.Equal("planner", fields.Database);
        Assert.Equal("ana", fields.Username);
        Assert.Equal("s3cret", fields.Password);
        Assert.DoesNotContain("s3cret", target.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PostgresUrl_IsPostgresWithUserPasswordHostPortDatabaseAndSslMode()
    {
        var target = DatabaseTarget.Parse("postgres://ana:p%40ss@db.example.org:5433/headway_prod?sslmode=disable").Value;

        Assert.Equal(Provider.Postgres, target.Provider);
        var fields = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("db.example.org", fields.Host);
        Assert.Equal(5433, fields.Port);
        Assert.Equal("headway_prod", fields.Database);
        Assert.Equal("ana", fields.Username);
        Assert.Equal("p@ss", fields.Password);
        Assert.Equal(SslMode.Disable, fields.SslMode);
        Assert.Equal("PostgreSQL db.example.org/headway_prod", target.Display);
    }

    [Fact]
    public void Parse_PostgresqlUrlWithoutPortOrDatabase_UsesTheDefaults()
    {
        var target = DatabaseTarget.Parse("postgresql://ana@localhost").Value;

        var fields = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(Provider.Postgres, target.Provider);
        Assert.Equal(5432, fields.Port);
        Assert.Equal("headway", fields.Database);
    }

    [Theory]
    [InlineData("postgres://")]
    [InlineData("postgres://:5432/db")]
    [InlineData("Host=db;Frobnicate=yes")]
    [InlineData("plans\0.db")]
    [InlineData("plans\n.db")]
    public void Parse_Garbage_IsInvalidWithAHint(string value)
    {
        var result = DatabaseTarget.Parse(value);

        Assert.False(result.IsOk);
        Assert.Equal(ErrorKind.Invalid, result.Error!.Kind);
        Assert.Matches("(use|give) ", result.Error.Message);
    }

    [Fact]
    public void Parse_OverlongPath_IsInvalid()
    {
        var result = DatabaseTarget.Parse(new string('a', 5000) + ".db");

        Assert.Equal(ErrorKind.Invalid, result.Error?.Kind);
    }

    [Fact]
    public void Pooled_Postgres_KeepsStatementsPreparedOnEachConnection()
    {
        var target = DatabaseTarget.Parse("postgres://ana:s3cret@db.internal/planner").Value.Pooled();

        var fields = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(DatabaseTarget.ServerPreparedStatements, fields.MaxAutoPrepare);
        Assert.Equal("db.internal", fields.Host);
        Assert.Equal("s3cret", fields.Password);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0")]
    [InlineData("MaxAutoPrepare=7")]
    public void Pooled_Postgres_KeepsTheOperatorsOwnPreparedStatementSetting(string setting)
    {
        var given = new NpgsqlConnectionStringBuilder("Host=db.internal;Database=planner;" + setting).MaxAutoPrepare;

        var target = DatabaseTarget.Parse("Host=db.internal;Database=planner;" + setting).Value.Pooled();

        Assert.Equal(given, new NpgsqlConnectionStringBuilder(target.ConnectionString).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("No Reset On Close=false;", false)]
    [InlineData("NoResetOnClose=false;", false)]
    public void Pooled_Postgres_SkipsTheResetOnClose_UnlessTheConnectionStringSaysOtherwise(string setting, bool expected)
    {
        var target = DatabaseTarget.Parse("Host=db.internal;Database=planner;" + setting).Value.Pooled();

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(target.ConnectionString).NoResetOnClose);
    }

    [Fact]
    public void Pooled_Sqlite_TurnsThePoolOn()
    {
        var target = DatabaseTarget.Parse(Path.Combine(Path.GetTempPath(), "headway.db")).Value;

        Assert.Contains("Pooling=False", target.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Pooling=True", target.Pooled().ConnectionString, StringComparison.Ordinal);
    }
}
