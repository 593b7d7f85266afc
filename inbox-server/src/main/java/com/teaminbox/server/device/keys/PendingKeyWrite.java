package com.teaminbox.server.device.keys;

import java.util.Objects;

/**
 * One change to a device's key material not yet in the database: the new serialized value, or
 * a deletion ({@code value == null}). The version orders changes to the same key.
 */
public record PendingKeyWrite(KeyKind kind, String name, byte[] value, long version) {

    public PendingKeyWrite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        value = value == null ? null : value.clone();
    }

    public boolean deletion() {
        return value == null;
    }

    /** A copy: the store's bytes stay the store's. */
    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** Kind, name and version only: values are key material and stay out of logs. */
    @Override
    public String toString() {
        return (deletion() ? "delete " : "write ") + kind.code() + " " + name + " v" + version;
    }
}
