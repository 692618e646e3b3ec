CREATE TABLE "identity_users" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_identity_users" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    CONSTRAINT "fk_identity_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "identity_user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_identity_user_claims" PRIMARY KEY AUTOINCREMENT,
    "account_id" INTEGER NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_identity_user_claims_account_id" FOREIGN KEY ("account_id") REFERENCES "identity_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "identity_user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "account_id" INTEGER NOT NULL,
    CONSTRAINT "pk_identity_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_identity_user_logins_account_id" FOREIGN KEY ("account_id") REFERENCES "identity_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "identity_user_tokens" (
    "account_id" INTEGER NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_identity_user_tokens" PRIMARY KEY ("account_id", "login_provider", "name"),
    CONSTRAINT "fk_identity_user_tokens_account_id" FOREIGN KEY ("account_id") REFERENCES "identity_users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_identity_user_claims_account_id" ON "identity_user_claims" ("account_id");

CREATE INDEX "ix_identity_user_logins_account_id" ON "identity_user_logins" ("account_id");

CREATE INDEX "ix_identity_users_normalized_email" ON "identity_users" ("normalized_email");

CREATE UNIQUE INDEX "ix_identity_users_normalized_user_name" ON "identity_users" ("normalized_user_name");

CREATE UNIQUE INDEX "ix_identity_users_user_id" ON "identity_users" ("user_id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126122339_Accounts', '10.0.15');
