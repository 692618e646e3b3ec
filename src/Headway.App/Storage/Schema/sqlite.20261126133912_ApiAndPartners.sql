ALTER TABLE "users" ADD "calendar_token_hash" TEXT NULL;

ALTER TABLE "users" ADD "check_in_day" INTEGER NULL;

ALTER TABLE "users" ADD "check_in_hour" INTEGER NULL;

ALTER TABLE "goals" ADD "version" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "commitment_requests" ADD "decided_by_user_id" INTEGER NULL;

CREATE TABLE "access_tokens" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_access_tokens" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_used_at" TEXT NULL,
    "expires_at" TEXT NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "fk_access_tokens_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NULL
);

CREATE TABLE "idempotent_requests" (
    "user_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "location" TEXT NULL,
    "body" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "pk_idempotent_requests" PRIMARY KEY ("user_id", "key"),
    CONSTRAINT "fk_idempotent_requests_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "invitations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_invitations" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "email" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "accepted_at" TEXT NULL,
    "accepted_by_user_id" INTEGER NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "fk_invitations_accepted_by_user_id" FOREIGN KEY ("accepted_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_invitations_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "notifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notifications" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NULL,
    "about_user_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    "read_at" TEXT NULL,
    CONSTRAINT "fk_notifications_about_user_id" FOREIGN KEY ("about_user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_notifications_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "partner_notes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_partner_notes" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "author_user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "goal_id" INTEGER NULL,
    "action_id" INTEGER NULL,
    "body" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_partner_notes_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_partner_notes_author_user_id" FOREIGN KEY ("author_user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_partner_notes_goal_id" FOREIGN KEY ("goal_id") REFERENCES "goals" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_partner_notes_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "partnerships" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_partnerships" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "partner_user_id" INTEGER NOT NULL,
    "sees_actions" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "removed_at" TEXT NULL,
    CONSTRAINT "fk_partnerships_partner_user_id" FOREIGN KEY ("partner_user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_partnerships_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "webhooks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_webhooks" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "disabled_at" TEXT NULL,
    CONSTRAINT "fk_webhooks_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "deliveries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_deliveries" PRIMARY KEY AUTOINCREMENT,
    "notification_id" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "lease_until" TEXT NULL,
    "leased_by" TEXT NULL,
    "last_error" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "sent_at" TEXT NULL,
    CONSTRAINT "fk_deliveries_notification_id" FOREIGN KEY ("notification_id") REFERENCES "notifications" ("id") ON DELETE CASCADE
);

CREATE TABLE "shared_goals" (
    "partnership_id" INTEGER NOT NULL,
    "goal_id" INTEGER NOT NULL,
    CONSTRAINT "pk_shared_goals" PRIMARY KEY ("partnership_id", "goal_id"),
    CONSTRAINT "fk_shared_goals_goal_id" FOREIGN KEY ("goal_id") REFERENCES "goals" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_shared_goals_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_users_calendar_token_hash" ON "users" ("calendar_token_hash");

CREATE INDEX "ix_commitment_requests_decided_by_user_id" ON "commitment_requests" ("decided_by_user_id");

CREATE UNIQUE INDEX "ix_access_tokens_token_hash" ON "access_tokens" ("token_hash");

CREATE INDEX "ix_access_tokens_user_id" ON "access_tokens" ("user_id");

CREATE UNIQUE INDEX "ix_deliveries_notification_id_channel_recipient" ON "deliveries" ("notification_id", "channel", "recipient");

CREATE INDEX "ix_deliveries_status_next_attempt_at" ON "deliveries" ("status", "next_attempt_at");

CREATE INDEX "ix_idempotent_requests_created_at" ON "idempotent_requests" ("created_at");

CREATE INDEX "ix_invitations_accepted_by_user_id" ON "invitations" ("accepted_by_user_id");

CREATE UNIQUE INDEX "ix_invitations_token_hash" ON "invitations" ("token_hash");

CREATE INDEX "ix_invitations_user_id" ON "invitations" ("user_id");

CREATE INDEX "ix_notifications_about_user_id" ON "notifications" ("about_user_id");

CREATE UNIQUE INDEX "ix_notifications_key" ON "notifications" ("key");

CREATE INDEX "ix_notifications_user_id_created_at" ON "notifications" ("user_id", "created_at");

CREATE INDEX "ix_partner_notes_action_id" ON "partner_notes" ("action_id");

CREATE INDEX "ix_partner_notes_author_user_id" ON "partner_notes" ("author_user_id");

CREATE INDEX "ix_partner_notes_goal_id" ON "partner_notes" ("goal_id");

CREATE INDEX "ix_partner_notes_user_id_created_at" ON "partner_notes" ("user_id", "created_at");

CREATE INDEX "ix_partnerships_partner_user_id" ON "partnerships" ("partner_user_id");

CREATE UNIQUE INDEX "ix_partnerships_user_id_partner_user_id" ON "partnerships" ("user_id", "partner_user_id");

CREATE INDEX "ix_shared_goals_goal_id" ON "shared_goals" ("goal_id");

CREATE INDEX "ix_webhooks_user_id" ON "webhooks" ("user_id");

CREATE TABLE "ef_temp_commitment_requests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_commitment_requests" PRIMARY KEY AUTOINCREMENT,
    "commitment_id" INTEGER NOT NULL,
    "commitment_version" INTEGER NOT NULL,
    "decided_by_user_id" INTEGER NULL,
    "effective_at" TEXT NULL,
    "kind" TEXT NOT NULL,
    "new_due" TEXT NULL,
    "new_target_quantity" REAL NULL,
    "new_target_unit" TEXT NULL,
    "path" TEXT NOT NULL,
    "requested_at" TEXT NOT NULL,
    "settled_at" TEXT NULL,
    "status" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    CONSTRAINT "fk_commitment_requests_commitment_id" FOREIGN KEY ("commitment_id") REFERENCES "commitments" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_commitment_requests_decided_by_user_id" FOREIGN KEY ("decided_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

INSERT INTO "ef_temp_commitment_requests" ("id", "commitment_id", "commitment_version", "decided_by_user_id", "effective_at", "kind", "new_due", "new_target_quantity", "new_target_unit", "path", "requested_at", "settled_at", "status", "user_id")
SELECT "id", "commitment_id", "commitment_version", "decided_by_user_id", "effective_at", "kind", "new_due", "new_target_quantity", "new_target_unit", "path", "requested_at", "settled_at", "status", "user_id"
FROM "commitment_requests";

PRAGMA foreign_keys = 0;

DROP TABLE "commitment_requests";

ALTER TABLE "ef_temp_commitment_requests" RENAME TO "commitment_requests";

PRAGMA foreign_keys = 1;

CREATE INDEX "ix_commitment_requests_commitment_id_status" ON "commitment_requests" ("commitment_id", "status");

CREATE INDEX "ix_commitment_requests_decided_by_user_id" ON "commitment_requests" ("decided_by_user_id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126133912_ApiAndPartners', '10.0.15');
