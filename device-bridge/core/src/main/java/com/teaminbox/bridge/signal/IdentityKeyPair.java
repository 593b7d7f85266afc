package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import java.security.SecureRandom;

/** A device's identity key pair. The private key never appears in {@link #toString()}. */
public final class IdentityKeyPair {
    private static final int FORMAT_VERSION = 1;

    private final IdentityKey publicKey;
    private final byte[] privateKey;

    public IdentityKeyPair(IdentityKey publicKey, byte[] privateKey) {
        DjbPublicKey.requireKeyLength(privateKey);
        this.publicKey = publicKey;
        this.privateKey = privateKey.clone();
    }

    public static IdentityKeyPair generate(SecureRandom random) {
        X25519KeyPair pair = X25519.generateKeyPair(random);
        return new IdentityKeyPair(new IdentityKey(pair.publicKey()), pair.privateKey());
    }

    public IdentityKey publicKey() {
        return publicKey;
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** version(1) ‖ public(32) ‖ private(32): for a database column. */
    public byte[] serialize() {
        return new WireWriter().u8(FORMAT_VERSION).bytes(publicKey.publicKey()).bytes(privateKey).toByteArray();
    }

    public static IdentityKeyPair deserialize(byte[] serialized) throws InvalidEncodingException {
        WireReader in = new WireReader(serialized);
        if (in.u8() != FORMAT_VERSION) {
            throw new InvalidEncodingException("unknown identity key pair format");
        }
        IdentityKey publicKey = new IdentityKey(in.bytes(DjbPublicKey.KEY_LENGTH));
        byte[] privateKey = in.bytes(DjbPublicKey.KEY_LENGTH);
        in.expectEnd();
        return new IdentityKeyPair(publicKey, privateKey);
    }

    @Override
    public String toString() {
        return "IdentityKeyPair[" + publicKey.fingerprint() + "]";
    }
}
