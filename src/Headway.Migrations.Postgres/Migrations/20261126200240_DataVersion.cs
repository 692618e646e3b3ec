using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headway.Migrations.Postgres.Migrations
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Every write to what the dashboard shows bumps its owner's version, whoever writes (the web, the API, the
            // command line, a partner, the scheduler, another instance): the web's page cache keys on it. Deferred to
            // the commit, so the users row is locked last and only for the commit itself (writes of one user already
            // lock that row first: HeadwayDb.LockUserAsync), and a rolled-back write bumps nothing.
            migrationBuilder.Sql("""
                CREATE FUNCTION headway_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        UPDATE users SET data_version = data_version + 1 WHERE id = OLD.user_id;
                    END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
                        UPDATE users SET data_version = data_version + 1 WHERE id = NEW.user_id;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE CONSTRAINT TRIGGER tr_{table}_data_version AFTER INSERT OR UPDATE OR DELETE ON {table}
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION headway_bump_data_version();
                    """);
            }
        }

        private static readonly string[] Tables = ["goals", "actions", "commitments", "commitment_requests", "notifications"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TRIGGER tr_{table}_data_version ON {table};");
            }

            migrationBuilder.Sql("DROP FUNCTION headway_bump_data_version();");
            migrationBuilder.DropColumn(
                name: "data_version",
                table: "users");
        }
    }
}
