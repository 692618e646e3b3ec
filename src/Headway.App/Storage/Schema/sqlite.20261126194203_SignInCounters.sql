CREATE TABLE "sign_in_counters" (
    "key_hash" TEXT NOT NULL,
    "minute" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    CONSTRAINT "pk_sign_in_counters" PRIMARY KEY ("key_hash", "minute")
);

CREATE INDEX "ix_sign_in_counters_minute" ON "sign_in_counters" ("minute");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126194203_SignInCounters', '10.0.15');
