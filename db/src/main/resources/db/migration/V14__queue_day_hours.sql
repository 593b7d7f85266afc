-- Business hours that differ on some weekdays (Saturday 10:00-14:00 while the week is
-- 09:00-17:00). A day without a row keeps the queue's own opens_at/closes_at; a day must still
-- be one of the queue's open_days to be open at all.
CREATE TABLE queue_day_hours (
    queue_id  BIGINT   NOT NULL REFERENCES queue (id) ON DELETE CASCADE,
    iso_day   SMALLINT NOT NULL CHECK (iso_day BETWEEN 1 AND 7),  -- Monday = 1
    opens_at  TIME     NOT NULL,
    closes_at TIME     NOT NULL,
    PRIMARY KEY (queue_id, iso_day),
    CONSTRAINT queue_day_hours_not_empty CHECK (opens_at <> closes_at)
);
