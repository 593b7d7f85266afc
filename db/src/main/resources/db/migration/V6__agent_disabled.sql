-- V6: an administrator can disable an agent (they left, their account was compromised).
-- A disabled agent cannot sign in (Keycloak user disabled), is refused by the API even with a
-- token issued before, and is never routed to. Their row stays: conversations, notes and the
-- audit trail keep pointing at it.

ALTER TABLE agent
    ADD COLUMN disabled         BOOLEAN      NOT NULL DEFAULT false,
    ADD COLUMN disabled_at      TIMESTAMPTZ,
    ADD COLUMN disabled_reason  VARCHAR(500);
