ALTER TABLE goals ADD source_key character varying(200);

ALTER TABLE actions ADD labels text;

ALTER TABLE actions ADD source character varying(20);

ALTER TABLE actions ADD source_id character varying(200);

CREATE UNIQUE INDEX ix_goals_user_id_source_key ON goals (user_id, source_key);

CREATE UNIQUE INDEX ix_actions_user_id_source_source_id ON actions (user_id, source, source_id);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126114928_Import', '10.0.15');
