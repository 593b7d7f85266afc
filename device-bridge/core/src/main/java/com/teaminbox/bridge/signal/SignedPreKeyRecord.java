package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.crypto.XEdDSA;
import java.security.SecureRandom;

/**
 * The medium-term prekey, signed by the identity key. As in Signal, the signature is XEdDSA over
 * the 33-byte type-prefixed public key, so peers can check the server did not substitute it.
 */
public final class SignedPreKeyRecord {
    private static final int FORMAT_VERSION = 1;
    public static final int SIGNATURE_LENGTH = 64;

    private final int id;
    private final long timestamp;
    private final byte[] publicKey;
    private final byte[] privateKey;
    private final byte[] signature;

    public SignedPreKeyRecord(int id, long timestamp, byte[] publicKey, byte[] privateKey, byte[] signature) {
        if (id < 0) {
            throw new IllegalArgumentException("signed prekey id must not be negative");
        }
        DjbPublicKey.requireKeyLength(publicKey);
        DjbPublicKey.requireKeyLength(privateKey);
        if (signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature must be " + SIGNATURE_LENGTH + " bytes");
        }
        this.id = id;
        this.timestamp = timestamp;
        this.publicKey = publicKey.clone();
        this.privateKey = privateKey.clone();
        this.signature = signature.clone();
    }

    public static SignedPreKeyRecord generate(int id, long timestamp, IdentityKeyPair identity, SecureRandom random) {
        X25519KeyPair pair = X25519.generateKeyPair(random);
        byte[] signature = XEdDSA.sign(identity.privateKey(), DjbPublicKey.serialize(pair.publicKey()), random);
        return new SignedPreKeyRecord(id, timestamp, pair.publicKey(), pair.privateKey(), signature);
    }

    public int id() {
        return id;
    }

    public long timestamp() {
        return timestamp;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** version(1) ‖ id(4) ‖ timestamp(8) ‖ public(32) ‖ private(32) ‖ signature(64). */
    public byte[] serialize() {
        return new WireWriter().u8(FORMAT_VERSION).u32(id).i64(timestamp)
                .bytes(publicKey).bytes(privateKey).bytes(signature).toByteArray();
    }

    public static SignedPreKeyRecord deserialize(byte[] serialized) throws InvalidEncodingException {
        WireReader in = new WireReader(serialized);
        if (in.u8() != FORMAT_VERSION) {
            throw new InvalidEncodingException("unknown signed prekey format");
        }
        SignedPreKeyRecord record = new SignedPreKeyRecord(in.u31(), in.i64(), in.bytes(32), in.bytes(32),
                in.bytes(SIGNATURE_LENGTH));
        in.expectEnd();
        return record;
    }

    @Override
    public String toString() {
        return "SignedPreKeyRecord[id=" + id + ", timestamp=" + timestamp + "]";
    }
}
