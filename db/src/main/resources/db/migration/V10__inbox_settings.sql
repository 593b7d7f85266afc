-- V10: settings an admin changed at runtime (the Settings screen). Each row overrides the
-- MicroProfile Config key of the same name; without a row the configured value (or its
-- default) holds, so a deployment that never saves anything behaves as before.
-- Per-queue settings (routing policy, SLA, business hours) stay on the queue table.
CREATE TABLE inbox_setting (
    name        VARCHAR(100) PRIMARY KEY,
    -- the saved value; '' means "saved as none" (turns a configured channel off)
    value       TEXT,
    -- secrets (SMTP password, webhook secret) only: AES-256-GCM under the master key, bound to the name
    sealed      BYTEA,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by  VARCHAR(255) NOT NULL,
    CONSTRAINT inbox_setting_value_or_sealed CHECK ((value IS NULL) <> (sealed IS NULL))
);
