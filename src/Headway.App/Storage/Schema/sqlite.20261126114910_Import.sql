ALTER TABLE "goals" ADD "source_key" TEXT NULL;

ALTER TABLE "actions" ADD "labels" TEXT NULL;

ALTER TABLE "actions" ADD "source" TEXT NULL;

ALTER TABLE "actions" ADD "source_id" TEXT NULL;

CREATE UNIQUE INDEX "ix_goals_user_id_source_key" ON "goals" ("user_id", "source_key");

CREATE UNIQUE INDEX "ix_actions_user_id_source_source_id" ON "actions" ("user_id", "source", "source_id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126114910_Import', '10.0.15');
