package com.teaminbox.server.device.keys;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals one value of device key material: AES-256-GCM with a random 96-bit nonce, as
 * {@code version(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16)}. The AAD binds the value to its device,
 * kind and name, so a row copied to another device or another name does not open.
 */
public final class KeyMaterialCipher {

    /** First byte of every sealed value; a later format (or key rotation) gets another. */
    static final byte FORMAT_VERSION = 1;
    static final int KEY_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public KeyMaterialCipher(byte[] key, SecureRandom random) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("the master key must be " + KEY_LENGTH + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    public KeyMaterialCipher(byte[] key) {
        this(key, new SecureRandom());
    }

    public byte[] seal(long deviceId, KeyKind kind, String name, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(deviceId, kind, name));
            byte[] sealed = new byte[1 + NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
            sealed[0] = FORMAT_VERSION;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_LENGTH);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_LENGTH);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** @throws KeyMaterialUnreadable when the value was altered, sealed under another key, or belongs elsewhere */
    public byte[] open(long deviceId, KeyKind kind, String name, byte[] sealed) {
        String what = kind.code() + " '" + name + "' of device " + deviceId;
        if (sealed == null || sealed.length < 1 + NONCE_LENGTH + TAG_BITS / 8) {
            throw new KeyMaterialUnreadable("Sealed " + what + " is too short to be key material.");
        }
        if (sealed[0] != FORMAT_VERSION) {
            throw new KeyMaterialUnreadable("Sealed " + what + " has unknown format version " + sealed[0] + ".");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE_LENGTH)));
            cipher.updateAAD(aad(deviceId, kind, name));
            return cipher.doFinal(sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new KeyMaterialUnreadable("Sealed " + what + " does not open: it was altered, sealed under another"
                    + " master key, or copied from another device or name.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** version ‖ device id ‖ kind ‖ name, each string length-prefixed so that no two triples collide. */
    private static byte[] aad(long deviceId, KeyKind kind, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(deviceId);
            byte[] kindBytes = kind.code().getBytes(StandardCharsets.UTF_8);
            out.writeInt(kindBytes.length);
            out.write(kindBytes);
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            out.writeInt(nameBytes.length);
            out.write(nameBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public String toString() {
        return "KeyMaterialCipher[AES-256-GCM]";
    }
}
