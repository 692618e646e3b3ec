CREATE TABLE sign_in_counters (
    key_hash character varying(64) NOT NULL,
    minute bigint NOT NULL,
    attempts integer NOT NULL,
    CONSTRAINT pk_sign_in_counters PRIMARY KEY (key_hash, minute)
);

CREATE INDEX ix_sign_in_counters_minute ON sign_in_counters (minute);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126194222_SignInCounters', '10.0.15');
