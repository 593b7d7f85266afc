-- V2: the inbox itself: business accounts, queues, companion devices, contacts,
-- conversations, messages and what agents add to them.
--
-- Invariants that must hold under concurrency are constraints here, not checks in Java:
-- one stored copy per network message, one open conversation per contact, one live device
-- per agent and account.

-- A business phone number the team answers. A deployment may serve several.
CREATE TABLE business_account (
    id            BIGSERIAL PRIMARY KEY,
    phone_number  VARCHAR(32)  NOT NULL,  -- E.164, e.g. +351910000000
    display_name  VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT business_account_phone_unique UNIQUE (phone_number)
);

-- Routing needs to know how much each agent can take and whether they are at their desk.
ALTER TABLE agent
    ADD COLUMN capacity          INTEGER     NOT NULL DEFAULT 5,
    ADD COLUMN status            VARCHAR(16) NOT NULL DEFAULT 'offline',
    ADD COLUMN status_changed_at TIMESTAMPTZ,
    ADD CONSTRAINT agent_capacity_range CHECK (capacity BETWEEN 0 AND 1000),
    ADD CONSTRAINT agent_status_known CHECK (status IN ('online', 'away', 'offline'));

CREATE TABLE queue (
    id                  BIGSERIAL PRIMARY KEY,
    account_id          BIGINT       NOT NULL REFERENCES business_account (id),
    name                VARCHAR(100) NOT NULL,
    routing_policy      VARCHAR(16)  NOT NULL DEFAULT 'round_robin',
    -- new conversations of the account land here unless something says otherwise
    is_default          BOOLEAN      NOT NULL DEFAULT false,
    -- an assignee who has not replied within this many seconds loses the conversation
    sla_seconds         INTEGER,
    -- business hours in the queue's time zone; no hours means always open
    time_zone           VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    opens_at            TIME,
    closes_at           TIME,
    open_days           VARCHAR(32)  NOT NULL DEFAULT '1,2,3,4,5,6,7', -- ISO days, Monday = 1
    out_of_hours_reply  TEXT,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT queue_name_unique_per_account UNIQUE (account_id, name),
    CONSTRAINT queue_routing_policy_known CHECK (routing_policy IN ('round_robin', 'least_busy')),
    CONSTRAINT queue_sla_positive CHECK (sla_seconds IS NULL OR sla_seconds > 0),
    CONSTRAINT queue_hours_both_or_none CHECK ((opens_at IS NULL) = (closes_at IS NULL))
);

CREATE UNIQUE INDEX queue_one_default_per_account ON queue (account_id) WHERE is_default;

-- Which queues an agent serves. last_assigned_at drives round robin within the queue.
CREATE TABLE agent_queue (
    agent_id          BIGINT NOT NULL REFERENCES agent (id),
    queue_id          BIGINT NOT NULL REFERENCES queue (id),
    last_assigned_at  TIMESTAMPTZ,
    PRIMARY KEY (agent_id, queue_id)
);

CREATE INDEX agent_queue_by_queue ON agent_queue (queue_id);

-- The agent's own linked device on an account: replies leave from it, never from a colleague's.
CREATE TABLE companion_device (
    id                BIGSERIAL PRIMARY KEY,
    account_id        BIGINT       NOT NULL REFERENCES business_account (id),
    agent_id          BIGINT       NOT NULL REFERENCES agent (id),
    state             VARCHAR(16)  NOT NULL DEFAULT 'linking',
    device_name       VARCHAR(255),
    network_device_id VARCHAR(255),  -- the id the network gave the device once linked
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    state_changed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT companion_device_state_known
        CHECK (state IN ('linking', 'linked', 'connected', 'disconnected', 'logged_out', 'revoked'))
);

-- One live device per agent and account; a logged-out or revoked one stays as history and
-- does not block linking again.
CREATE UNIQUE INDEX companion_device_one_live_per_agent_account
    ON companion_device (agent_id, account_id) WHERE state NOT IN ('logged_out', 'revoked');

CREATE TABLE device_transition (
    id           BIGSERIAL PRIMARY KEY,
    device_id    BIGINT       NOT NULL REFERENCES companion_device (id),
    from_state   VARCHAR(16),
    to_state     VARCHAR(16)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX device_transition_by_device ON device_transition (device_id, id);

CREATE TABLE contact (
    id            BIGSERIAL PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES business_account (id),
    phone_number  VARCHAR(32)  NOT NULL,
    display_name  VARCHAR(255),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT contact_phone_unique_per_account UNIQUE (account_id, phone_number)
);

CREATE TABLE conversation (
    id                        BIGSERIAL PRIMARY KEY,
    account_id                BIGINT      NOT NULL REFERENCES business_account (id),
    contact_id                BIGINT      NOT NULL REFERENCES contact (id),
    queue_id                  BIGINT      NOT NULL REFERENCES queue (id),
    status                    VARCHAR(16) NOT NULL DEFAULT 'open',
    assignee_id               BIGINT      REFERENCES agent (id),
    priority                  SMALLINT    NOT NULL DEFAULT 0,
    opened_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    assigned_at               TIMESTAMPTZ,
    first_response_at         TIMESTAMPTZ,
    last_customer_message_at  TIMESTAMPTZ,
    resolved_at               TIMESTAMPTZ,
    CONSTRAINT conversation_status_known CHECK (status IN ('open', 'pending', 'resolved')),
    CONSTRAINT conversation_priority_range CHECK (priority BETWEEN 0 AND 3)
);

-- Every companion receives every message: when copies race, this index decides which one
-- opens the conversation. "Open" here means not resolved (pending is still the live thread).
CREATE UNIQUE INDEX conversation_one_open_per_contact
    ON conversation (account_id, contact_id) WHERE status <> 'resolved';

CREATE INDEX conversation_by_assignee ON conversation (assignee_id) WHERE status <> 'resolved';
-- the backlog: unassigned, oldest first
CREATE INDEX conversation_backlog ON conversation (queue_id, opened_at, id)
    WHERE assignee_id IS NULL AND status <> 'resolved';
CREATE INDEX conversation_by_contact ON conversation (contact_id, id);

CREATE TABLE message (
    id                  BIGSERIAL PRIMARY KEY,
    account_id          BIGINT       NOT NULL REFERENCES business_account (id),
    conversation_id     BIGINT       NOT NULL REFERENCES conversation (id),
    direction           VARCHAR(8)   NOT NULL,
    network_message_id  VARCHAR(128) NOT NULL,
    -- outbound: the companion that sent it; null when it came from the primary phone
    device_id           BIGINT       REFERENCES companion_device (id),
    sent_from           VARCHAR(16)  NOT NULL DEFAULT 'customer',
    agent_id            BIGINT       REFERENCES agent (id),
    body                TEXT,
    media_reference     VARCHAR(1000),
    delivery_state      VARCHAR(16)  NOT NULL DEFAULT 'pending',
    failure_reason      VARCHAR(500),
    sent_at             TIMESTAMPTZ  NOT NULL,  -- the network's timestamp
    stored_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- the exactly-once guarantee: a message the network delivers to four companions is stored once
    CONSTRAINT message_once_per_account UNIQUE (account_id, network_message_id),
    CONSTRAINT message_direction_known CHECK (direction IN ('inbound', 'outbound')),
    CONSTRAINT message_sent_from_known CHECK (sent_from IN ('customer', 'companion', 'phone', 'other_device')),
    CONSTRAINT message_delivery_state_known CHECK (delivery_state IN ('pending', 'sent', 'delivered', 'read', 'failed')),
    CONSTRAINT message_has_content CHECK (body IS NOT NULL OR media_reference IS NOT NULL)
);

CREATE INDEX message_by_conversation ON message (conversation_id, id);

CREATE TABLE internal_note (
    id               BIGSERIAL PRIMARY KEY,
    conversation_id  BIGINT      NOT NULL REFERENCES conversation (id),
    agent_id         BIGINT      NOT NULL REFERENCES agent (id),
    body             TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX internal_note_by_conversation ON internal_note (conversation_id, id);

-- Assignment, transfer, claim, resolve, reopen: shown inline in the conversation.
CREATE TABLE conversation_event (
    id               BIGSERIAL PRIMARY KEY,
    conversation_id  BIGINT       NOT NULL REFERENCES conversation (id),
    kind             VARCHAR(16)  NOT NULL,
    actor            VARCHAR(255) NOT NULL,  -- a username, or "routing" for automatic decisions
    from_agent_id    BIGINT       REFERENCES agent (id),
    to_agent_id      BIGINT       REFERENCES agent (id),
    from_queue_id    BIGINT       REFERENCES queue (id),
    to_queue_id      BIGINT       REFERENCES queue (id),
    reason           VARCHAR(500),
    occurred_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT conversation_event_kind_known
        CHECK (kind IN ('opened', 'routed', 'claimed', 'assigned', 'transferred', 'resolved', 'reopened', 'backlogged'))
);

CREATE INDEX conversation_event_by_conversation ON conversation_event (conversation_id, id);

CREATE TABLE canned_reply (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT       REFERENCES business_account (id),  -- null: shared by every account
    shortcut    VARCHAR(64)  NOT NULL,
    body        TEXT         NOT NULL,
    created_by  BIGINT       REFERENCES agent (id),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX canned_reply_shortcut_unique ON canned_reply (COALESCE(account_id, 0), shortcut);

CREATE TABLE label (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT      NOT NULL REFERENCES business_account (id),
    name        VARCHAR(64) NOT NULL,
    color       VARCHAR(7),
    CONSTRAINT label_name_unique_per_account UNIQUE (account_id, name)
);

CREATE TABLE conversation_label (
    conversation_id  BIGINT NOT NULL REFERENCES conversation (id),
    label_id         BIGINT NOT NULL REFERENCES label (id),
    PRIMARY KEY (conversation_id, label_id)
);

-- Replies are written here in the same transaction as their message row; a dispatcher
-- claims due rows with FOR UPDATE SKIP LOCKED and sends them from the agent's own device.
CREATE TABLE outbox (
    id               BIGSERIAL PRIMARY KEY,
    message_id       BIGINT      NOT NULL REFERENCES message (id),
    device_id        BIGINT      NOT NULL REFERENCES companion_device (id),
    state            VARCHAR(16) NOT NULL DEFAULT 'pending',
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error       VARCHAR(500),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT outbox_one_per_message UNIQUE (message_id),
    CONSTRAINT outbox_state_known CHECK (state IN ('pending', 'sent', 'failed'))
);

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending';
