-- V7: device health for the admin (messages in, last seen) and the companions on the
-- business account that the inbox did not link ("foreign": someone opened a web client on
-- another computer). A foreign device takes one of the account's companion slots and can
-- read every chat, so admins are told, once per device, until it is gone.

ALTER TABLE companion_device
    ADD COLUMN messages_in  BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN last_seen_at TIMESTAMPTZ;

CREATE TABLE foreign_device (
    id               BIGSERIAL PRIMARY KEY,
    account_id       BIGINT       NOT NULL REFERENCES business_account (id),
    network_address  VARCHAR(255) NOT NULL,   -- "<business number>:<device number>"
    first_seen_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    gone_at          TIMESTAMPTZ
);

-- At most one open record per device: reports from four companions at once raise one alert.
CREATE UNIQUE INDEX foreign_device_open_once ON foreign_device (account_id, network_address) WHERE gone_at IS NULL;
