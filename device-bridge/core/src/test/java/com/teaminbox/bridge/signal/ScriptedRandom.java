package com.teaminbox.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A random source that hands out exactly the key seeds and padding lengths a golden vector
 * fixed, in order, and fails if the code asks for anything else: the session then runs on the
 * same "random" choices as the libsignal session that produced the vector.
 */
final class ScriptedRandom extends SecureRandom {
    private final Deque<Object> script = new ArrayDeque<>();

    /** The next key pair the code generates gets this private key. */
    ScriptedRandom key(byte[] privateKey) {
        script.add(privateKey.clone());
        return this;
    }

    /** The next plaintext gets this many padding bytes. */
    ScriptedRandom padding(int length) {
        script.add(length);
        return this;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        assertFalse(script.isEmpty(), "the code drew random bytes the vector does not fix");
        Object next = script.remove();
        assertTrue(next instanceof byte[], "expected a padding draw, got a request for " + bytes.length + " bytes");
        byte[] key = (byte[]) next;
        assertEquals(key.length, bytes.length, "the code drew a different amount of randomness");
        System.arraycopy(key, 0, bytes, 0, bytes.length);
    }

    @Override
    public int nextInt(int bound) {
        assertFalse(script.isEmpty(), "the code drew a number the vector does not fix");
        Object next = script.remove();
        assertTrue(next instanceof Integer, "expected a key draw, got a request for a number below " + bound);
        int padding = (Integer) next;
        assertEquals(MessagePadding.MAX_PADDING, bound, "padding is drawn as 1 + nextInt(15)");
        return padding - 1;
    }

    void assertUsedUp() {
        assertTrue(script.isEmpty(), "the vector fixes " + script.size() + " random draws the code did not make");
    }
}
