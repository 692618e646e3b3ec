using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Headway.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    week_start = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "goals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    why = table.Column<string>(type: "text", nullable: true),
                    area = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    target_quantity = table.Column<double>(type: "double precision", nullable: true),
                    target_unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    target_date = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_goals", x => x.id);
                    table.ForeignKey(
                        name: "fk_goals_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "actions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    goal_id = table.Column<long>(type: "bigint", nullable: true),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    horizon = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome_quantity = table.Column<double>(type: "double precision", nullable: true),
                    outcome_unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    outcome_phrase = table.Column<string>(type: "text", nullable: true),
                    verdict = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    signals = table.Column<string>(type: "text", nullable: false),
                    suggestion = table.Column<string>(type: "text", nullable: true),
                    override_verdict = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    override_reason = table.Column<string>(type: "text", nullable: true),
                    stretch = table.Column<bool>(type: "boolean", nullable: false),
                    result = table.Column<string>(type: "text", nullable: true),
                    planned_week = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_actions_goal_id",
                        column: x => x.goal_id,
                        principalTable: "goals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_actions_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    action_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_action_events_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    goal_id = table.Column<long>(type: "bigint", nullable: true),
                    action_id = table.Column<long>(type: "bigint", nullable: true),
                    due = table.Column<DateOnly>(type: "date", nullable: false),
                    event_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    event_link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    target_quantity = table.Column<double>(type: "double precision", nullable: true),
                    target_unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    locked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                    table.CheckConstraint("ck_commitments_one_target", "(goal_id IS NULL) <> (action_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_commitments_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_commitments_goal_id",
                        column: x => x.goal_id,
                        principalTable: "goals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_commitments_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commitment_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    commitment_id = table.Column<long>(type: "bigint", nullable: false),
                    commitment_version = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    new_due = table.Column<DateOnly>(type: "date", nullable: true),
                    new_target_quantity = table.Column<double>(type: "double precision", nullable: true),
                    new_target_unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    path = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    effective_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    settled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitment_requests_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_events_action_id",
                table: "action_events",
                column: "action_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_events_user_id_at",
                table: "action_events",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_actions_goal_id",
                table: "actions",
                column: "goal_id");

            migrationBuilder.CreateIndex(
                name: "ix_actions_user_id_completed_at",
                table: "actions",
                columns: new[] { "user_id", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_actions_user_id_status_horizon",
                table: "actions",
                columns: new[] { "user_id", "status", "horizon" });

            migrationBuilder.CreateIndex(
                name: "ix_commitment_requests_commitment_id_status",
                table: "commitment_requests",
                columns: new[] { "commitment_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_action_id",
                table: "commitments",
                column: "action_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_goal_id",
                table: "commitments",
                column: "goal_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_user_id_status",
                table: "commitments",
                columns: new[] { "user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_goals_user_id_status",
                table: "goals",
                columns: new[] { "user_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_events");

            migrationBuilder.DropTable(
                name: "commitment_requests");

            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropTable(
                name: "actions");

            migrationBuilder.DropTable(
                name: "goals");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
