-- V5: watching the business owner's primary phone (the 14-day rule).
-- Every time below that says "network time" is the messaging network's clock (the sandbox's
-- clock in the demo and the tests), which is the clock the 14-day rule runs on.

-- The last sign of primary activity per business account. last_activity_at also starts the
-- current "activity period": warnings and incidents belong to the period they were raised in.
CREATE TABLE primary_activity (
    account_id        BIGINT      PRIMARY KEY REFERENCES business_account (id),
    last_activity_at  TIMESTAMPTZ NOT NULL,  -- network time
    last_source       VARCHAR(32) NOT NULL,
    last_device_id    BIGINT      REFERENCES companion_device (id),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The recent observations (trimmed to the last few hundred per account).
CREATE TABLE primary_activity_observation (
    id           BIGSERIAL   PRIMARY KEY,
    account_id   BIGINT      NOT NULL REFERENCES business_account (id),
    observed_at  TIMESTAMPTZ NOT NULL,  -- network time
    source       VARCHAR(32) NOT NULL,
    device_id    BIGINT      REFERENCES companion_device (id),
    CONSTRAINT primary_activity_source_known
        CHECK (source IN ('SENT_FROM_PRIMARY', 'RECEIPT_FROM_PRIMARY', 'APP_STATE_SYNC', 'PROBE_ANSWER', 'LINK_APPROVED'))
);

CREATE INDEX primary_activity_observation_by_account ON primary_activity_observation (account_id, id DESC);

-- A warning threshold crossed ("7 days left"), raised once per account and activity period,
-- however many inbox-server instances check at the same moment.
CREATE TABLE primary_warning (
    id                 BIGSERIAL   PRIMARY KEY,
    account_id         BIGINT      NOT NULL REFERENCES business_account (id),
    period_start       TIMESTAMPTZ NOT NULL,  -- the last activity the countdown ran from
    threshold          VARCHAR(32) NOT NULL,  -- ISO-8601 duration left, e.g. P7D
    threshold_seconds  BIGINT      NOT NULL,
    time_left_seconds  BIGINT      NOT NULL,
    raised_at          TIMESTAMPTZ NOT NULL,  -- network time
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT primary_warning_once_per_period UNIQUE (account_id, period_start, threshold_seconds)
);

-- A companion the network removed ("device removed"), kept for the incident report.
CREATE TABLE primary_device_loss (
    id              BIGSERIAL    PRIMARY KEY,
    account_id      BIGINT       NOT NULL REFERENCES business_account (id),
    device_id       BIGINT       NOT NULL REFERENCES companion_device (id),
    agent_id        BIGINT       NOT NULL REFERENCES agent (id),
    period_start    TIMESTAMPTZ  NOT NULL,
    logged_out_at   TIMESTAMPTZ  NOT NULL,  -- network time
    reason          VARCHAR(500) NOT NULL,
    CONSTRAINT primary_device_loss_once UNIQUE (device_id)
);

-- The logout came anyway: every companion of the account was removed by the network.
CREATE TABLE primary_incident (
    id                BIGSERIAL   PRIMARY KEY,
    account_id        BIGINT      NOT NULL REFERENCES business_account (id),
    period_start      TIMESTAMPTZ NOT NULL,
    occurred_at       TIMESTAMPTZ NOT NULL,  -- network time
    devices           TEXT        NOT NULL,  -- JSON array: device, agent, name, logged out at
    recovery          TEXT        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT primary_incident_once_per_period UNIQUE (account_id, period_start)
);

-- Alerts waiting to leave by e-mail or webhook: retried with back-off, and a restart loses none.
CREATE TABLE alert_delivery (
    id               BIGSERIAL    PRIMARY KEY,
    channel          VARCHAR(16)  NOT NULL,
    event            VARCHAR(32)  NOT NULL,
    account_id       BIGINT       REFERENCES business_account (id),
    subject          VARCHAR(500),
    body             TEXT         NOT NULL,   -- the exact bytes (UTF-8) that are sent and signed
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    given_up_at      TIMESTAMPTZ,
    last_error       VARCHAR(500),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT alert_delivery_channel_known CHECK (channel IN ('mail', 'webhook'))
);

CREATE INDEX alert_delivery_due ON alert_delivery (next_attempt_at) WHERE delivered_at IS NULL AND given_up_at IS NULL;
