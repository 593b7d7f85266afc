-- V4: what a running device session needs to find its device again after a restart.
-- network_device_id holds the address the network gave the device when it linked
-- ("<business number>:<device number>"); platform is what the phone lists it as.

ALTER TABLE companion_device ADD COLUMN platform VARCHAR(64);

-- Attributing a message sent by "another device of the account" looks the device up by address.
CREATE INDEX companion_device_by_network_address ON companion_device (account_id, network_device_id);
