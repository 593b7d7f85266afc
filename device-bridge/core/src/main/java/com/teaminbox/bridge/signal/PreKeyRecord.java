package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import java.security.SecureRandom;

/** A one-time prekey: used by exactly one incoming session, then deleted. */
public final class PreKeyRecord {
    private static final int FORMAT_VERSION = 1;

    private final int id;
    private final byte[] publicKey;
    private final byte[] privateKey;

    public PreKeyRecord(int id, byte[] publicKey, byte[] privateKey) {
        if (id < 0) {
            throw new IllegalArgumentException("prekey id must not be negative");
        }
        DjbPublicKey.requireKeyLength(publicKey);
        DjbPublicKey.requireKeyLength(privateKey);
        this.id = id;
        this.publicKey = publicKey.clone();
        this.privateKey = privateKey.clone();
    }

    public static PreKeyRecord generate(int id, SecureRandom random) {
        X25519KeyPair pair = X25519.generateKeyPair(random);
        return new PreKeyRecord(id, pair.publicKey(), pair.privateKey());
    }

    public int id() {
        return id;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** version(1) ‖ id(4) ‖ public(32) ‖ private(32). */
    public byte[] serialize() {
        return new WireWriter().u8(FORMAT_VERSION).u32(id).bytes(publicKey).bytes(privateKey).toByteArray();
    }

    public static PreKeyRecord deserialize(byte[] serialized) throws InvalidEncodingException {
        WireReader in = new WireReader(serialized);
        if (in.u8() != FORMAT_VERSION) {
            throw new InvalidEncodingException("unknown prekey format");
        }
        PreKeyRecord record = new PreKeyRecord(in.u31(), in.bytes(32), in.bytes(32));
        in.expectEnd();
        return record;
    }

    @Override
    public String toString() {
        return "PreKeyRecord[id=" + id + "]";
    }
}
