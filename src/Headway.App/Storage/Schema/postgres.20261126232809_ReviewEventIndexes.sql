DROP INDEX ix_action_events_user_id_at;

CREATE INDEX ix_action_events_user_id_action_id ON action_events (user_id, action_id) WHERE kind = 'postponed';

CREATE INDEX ix_action_events_user_id_at_action_id ON action_events (user_id, at, action_id);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126232809_ReviewEventIndexes', '10.0.15');
