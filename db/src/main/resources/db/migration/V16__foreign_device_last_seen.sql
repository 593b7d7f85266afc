-- V16: when a check of the account's device list last found a foreign companion still there.
-- Every companion that hears the list (at each login, at each change) leads to a check; the
-- alert is raised once, at the first, and this moves at each later one, so support can tell a
-- device that is still on the account from one last heard of weeks ago.
ALTER TABLE foreign_device ADD COLUMN last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now();
