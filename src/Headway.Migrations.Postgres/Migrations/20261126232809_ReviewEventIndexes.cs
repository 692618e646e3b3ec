using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headway.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReviewEventIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_action_events_user_id_at",
                table: "action_events");

            migrationBuilder.CreateIndex(
                name: "ix_action_events_user_id_action_id",
                table: "action_events",
                columns: new[] { "user_id", "action_id" },
                filter: "kind = 'postponed'");

            migrationBuilder.CreateIndex(
                name: "ix_action_events_user_id_at_action_id",
                table: "action_events",
                columns: new[] { "user_id", "at", "action_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_action_events_user_id_action_id",
                table: "action_events");

            migrationBuilder.DropIndex(
                name: "ix_action_events_user_id_at_action_id",
                table: "action_events");

            migrationBuilder.CreateIndex(
                name: "ix_action_events_user_id_at",
                table: "action_events",
                columns: new[] { "user_id", "at" });
        }
    }
}
