-- V1: the people the inbox knows and the tamper-evident audit trail.
-- Identity lives in Keycloak; an agent row is created the first time a user calls the API.

CREATE TABLE agent (
    id              BIGSERIAL PRIMARY KEY,
    subject         VARCHAR(64)  NOT NULL,           -- Keycloak user id (token "sub")
    username        VARCHAR(255) NOT NULL,
    display_name    VARCHAR(255) NOT NULL,
    email           VARCHAR(320),
    roles           VARCHAR(255) NOT NULL DEFAULT '', -- comma-separated realm roles at last sight
    first_seen_at   TIMESTAMPTZ  NOT NULL,
    last_seen_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT agent_subject_unique  UNIQUE (subject),
    CONSTRAINT agent_username_unique UNIQUE (username)
);

-- Append-only: each entry carries the hash of the previous one, so that an edited or
-- deleted row breaks the chain and verification can name the first broken link.
CREATE TABLE audit_event (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    actor         VARCHAR(255) NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    subject_type  VARCHAR(64)  NOT NULL,
    subject_id    VARCHAR(255) NOT NULL,
    device        VARCHAR(255),
    details       TEXT         NOT NULL DEFAULT '',
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL,
    CONSTRAINT audit_event_hash_unique UNIQUE (hash)
);

CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);

-- The audit trail is append-only for the application: updates and deletes are refused
-- by the database itself (an operator with superuser rights can still tamper, which the
-- hash chain then reveals).
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
