using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headway.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignInCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sign_in_counters",
                columns: table => new
                {
                    key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    minute = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_counters", x => new { x.key_hash, x.minute });
                });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_counters_minute",
                table: "sign_in_counters",
                column: "minute");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_counters");
        }
    }
}
