ALTER TABLE "users" ADD "data_version" INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER tr_goals_insert_data_version AFTER INSERT ON goals
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = NEW.user_id; END;

CREATE TRIGGER tr_goals_update_data_version AFTER UPDATE ON goals
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id IN (OLD.user_id, NEW.user_id); END;

CREATE TRIGGER tr_goals_delete_data_version AFTER DELETE ON goals
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = OLD.user_id; END;

CREATE TRIGGER tr_actions_insert_data_version AFTER INSERT ON actions
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = NEW.user_id; END;

CREATE TRIGGER tr_actions_update_data_version AFTER UPDATE ON actions
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id IN (OLD.user_id, NEW.user_id); END;

CREATE TRIGGER tr_actions_delete_data_version AFTER DELETE ON actions
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = OLD.user_id; END;

CREATE TRIGGER tr_commitments_insert_data_version AFTER INSERT ON commitments
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = NEW.user_id; END;

CREATE TRIGGER tr_commitments_update_data_version AFTER UPDATE ON commitments
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id IN (OLD.user_id, NEW.user_id); END;

CREATE TRIGGER tr_commitments_delete_data_version AFTER DELETE ON commitments
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = OLD.user_id; END;

CREATE TRIGGER tr_commitment_requests_insert_data_version AFTER INSERT ON commitment_requests
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = NEW.user_id; END;

CREATE TRIGGER tr_commitment_requests_update_data_version AFTER UPDATE ON commitment_requests
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id IN (OLD.user_id, NEW.user_id); END;

CREATE TRIGGER tr_commitment_requests_delete_data_version AFTER DELETE ON commitment_requests
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = OLD.user_id; END;

CREATE TRIGGER tr_notifications_insert_data_version AFTER INSERT ON notifications
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = NEW.user_id; END;

CREATE TRIGGER tr_notifications_update_data_version AFTER UPDATE ON notifications
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id IN (OLD.user_id, NEW.user_id); END;

CREATE TRIGGER tr_notifications_delete_data_version AFTER DELETE ON notifications
BEGIN UPDATE users SET data_version = data_version + 1 WHERE id = OLD.user_id; END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126200213_DataVersion', '10.0.15');
