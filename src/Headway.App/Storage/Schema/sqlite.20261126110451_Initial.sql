CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "users" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_users" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "week_start" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "goals" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_goals" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "why" TEXT NULL,
    "area" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "target_quantity" REAL NULL,
    "target_unit" TEXT NULL,
    "target_date" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_goals_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "actions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_actions" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "goal_id" INTEGER NULL,
    "text" TEXT NOT NULL,
    "horizon" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "due" TEXT NULL,
    "outcome_quantity" REAL NULL,
    "outcome_unit" TEXT NULL,
    "outcome_phrase" TEXT NULL,
    "verdict" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "signals" TEXT NOT NULL,
    "suggestion" TEXT NULL,
    "override_verdict" TEXT NULL,
    "override_reason" TEXT NULL,
    "stretch" INTEGER NOT NULL,
    "result" TEXT NULL,
    "planned_week" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "completed_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_actions_goal_id" FOREIGN KEY ("goal_id") REFERENCES "goals" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_actions_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "action_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_action_events" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "detail" TEXT NULL,
    CONSTRAINT "fk_action_events_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE
);

CREATE TABLE "commitments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_commitments" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "goal_id" INTEGER NULL,
    "action_id" INTEGER NULL,
    "due" TEXT NOT NULL,
    "event_name" TEXT NULL,
    "event_link" TEXT NULL,
    "target_quantity" REAL NULL,
    "target_unit" TEXT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "locked_at" TEXT NULL,
    "resolved_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "ck_commitments_one_target" CHECK ((goal_id IS NULL) <> (action_id IS NULL)),
    CONSTRAINT "fk_commitments_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_commitments_goal_id" FOREIGN KEY ("goal_id") REFERENCES "goals" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_commitments_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "commitment_requests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_commitment_requests" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "commitment_id" INTEGER NOT NULL,
    "commitment_version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "new_due" TEXT NULL,
    "new_target_quantity" REAL NULL,
    "new_target_unit" TEXT NULL,
    "path" TEXT NOT NULL,
    "requested_at" TEXT NOT NULL,
    "effective_at" TEXT NULL,
    "status" TEXT NOT NULL,
    "settled_at" TEXT NULL,
    CONSTRAINT "fk_commitment_requests_commitment_id" FOREIGN KEY ("commitment_id") REFERENCES "commitments" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_action_events_action_id" ON "action_events" ("action_id");

CREATE INDEX "ix_action_events_user_id_at" ON "action_events" ("user_id", "at");

CREATE INDEX "ix_actions_goal_id" ON "actions" ("goal_id");

CREATE INDEX "ix_actions_user_id_completed_at" ON "actions" ("user_id", "completed_at");

CREATE INDEX "ix_actions_user_id_status_horizon" ON "actions" ("user_id", "status", "horizon");

CREATE INDEX "ix_commitment_requests_commitment_id_status" ON "commitment_requests" ("commitment_id", "status");

CREATE INDEX "ix_commitments_action_id" ON "commitments" ("action_id");

CREATE INDEX "ix_commitments_goal_id" ON "commitments" ("goal_id");

CREATE INDEX "ix_commitments_user_id_status" ON "commitments" ("user_id", "status");

CREATE INDEX "ix_goals_user_id_status" ON "goals" ("user_id", "status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126110451_Initial', '10.0.15');
