ALTER TABLE users ADD data_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION headway_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE users SET data_version = data_version + 1 WHERE id = OLD.user_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
        UPDATE users SET data_version = data_version + 1 WHERE id = NEW.user_id;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER tr_goals_data_version AFTER INSERT OR UPDATE OR DELETE ON goals
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION headway_bump_data_version();

CREATE CONSTRAINT TRIGGER tr_actions_data_version AFTER INSERT OR UPDATE OR DELETE ON actions
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION headway_bump_data_version();

CREATE CONSTRAINT TRIGGER tr_commitments_data_version AFTER INSERT OR UPDATE OR DELETE ON commitments
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION headway_bump_data_version();

CREATE CONSTRAINT TRIGGER tr_commitment_requests_data_version AFTER INSERT OR UPDATE OR DELETE ON commitment_requests
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION headway_bump_data_version();

CREATE CONSTRAINT TRIGGER tr_notifications_data_version AFTER INSERT OR UPDATE OR DELETE ON notifications
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION headway_bump_data_version();

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126200240_DataVersion', '10.0.15');
