using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headway.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "data_version",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Every write to what the dashboard shows bumps its owner's version, whoever writes (the web, the API, the
            // command line, a partner, the scheduler, another instance): the web's page cache keys on it.
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER tr_{table}_insert_data_version AFTER INSERT ON {table}
                    BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = NEW.user_id; END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER tr_{table}_update_data_version AFTER UPDATE ON {table}
                    BEGIN UPDATE users SET data_version = data_version + 1 WHERE id IN (OLD.user_id, NEW.user_id); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER tr_{table}_delete_data_version AFTER DELETE ON {table}
                    BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = OLD.user_id; END;
                    """);
            }
        }

        private static readonly string[] Tables = ["goals", "actions", "commitments", "commitment_requests", "notifications"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var operation in new[] { "insert", "update", "delete" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER tr_{table}_{operation}_data_version;");
                }
            }

            migrationBuilder.DropColumn(
                name: "data_version",
                table: "users");
        }
    }
}
