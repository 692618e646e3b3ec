using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headway.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Import : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "source_key",
                table: "goals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "labels",
                table: "actions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "actions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source_id",
                table: "actions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_goals_user_id_source_key",
                table: "goals",
                columns: new[] { "user_id", "source_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_actions_user_id_source_source_id",
                table: "actions",
                columns: new[] { "user_id", "source", "source_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_goals_user_id_source_key",
                table: "goals");

            migrationBuilder.DropIndex(
                name: "ix_actions_user_id_source_source_id",
                table: "actions");

            migrationBuilder.DropColumn(
                name: "source_key",
                table: "goals");

            migrationBuilder.DropColumn(
                name: "labels",
                table: "actions");

            migrationBuilder.DropColumn(
                name: "source",
                table: "actions");

            migrationBuilder.DropColumn(
                name: "source_id",
                table: "actions");
        }
    }
}
