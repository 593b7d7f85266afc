-- Key material of each linked companion device: Noise static key, Signal identity, registration
-- id, prekeys, sessions and trusted identities. Every value is sealed (AES-256-GCM under the
-- master key, bound to device_id, kind and name) before it reaches this table.
CREATE TABLE device_key_material (
    device_id   BIGINT       NOT NULL REFERENCES companion_device (id),
    kind        VARCHAR(24)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    sealed      BYTEA        NOT NULL,
    -- the writer's monotonic counter: an older write never overwrites a newer one
    version     BIGINT       NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, kind, name),
    CONSTRAINT device_key_material_kind_known
        CHECK (kind IN ('noise-key', 'identity-key-pair', 'registration-id', 'prekey', 'signed-prekey',
                        'session', 'trusted-identity'))
);
