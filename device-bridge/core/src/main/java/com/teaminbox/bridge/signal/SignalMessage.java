package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.crypto.HmacSha256;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A Double Ratchet message. The MAC is HMAC-SHA256(macKey, senderIdentity ‖ receiverIdentity ‖
 * message bytes) truncated to 8 bytes, as in Signal: binding both identities means a message
 * cannot be replayed into a session with someone else.
 */
public final class SignalMessage implements CiphertextMessage {
    public static final int MAC_LENGTH = 8;

    private final int counter;
    private final int previousCounter;
    private final byte[] senderRatchetKey;
    private final byte[] ciphertext;
    private final byte[] serialized;

    SignalMessage(byte[] senderRatchetKey, int counter, int previousCounter, byte[] ciphertext, byte[] serialized) {
        this.senderRatchetKey = senderRatchetKey.clone();
        this.counter = counter;
        this.previousCounter = previousCounter;
        this.ciphertext = ciphertext.clone();
        this.serialized = serialized.clone();
    }

    static SignalMessage create(byte[] macKey, byte[] senderRatchetKey, int counter, int previousCounter,
                                byte[] ciphertext, IdentityKey sender, IdentityKey receiver) {
        byte[] body = SignalWireFormat.encodeSignalMessageBody(senderRatchetKey, counter, previousCounter, ciphertext);
        byte[] mac = mac(macKey, sender, receiver, body);
        byte[] serialized = Arrays.copyOf(body, body.length + MAC_LENGTH);
        System.arraycopy(mac, 0, serialized, body.length, MAC_LENGTH);
        return new SignalMessage(senderRatchetKey, counter, previousCounter, ciphertext, serialized);
    }

    public static SignalMessage deserialize(byte[] serialized) throws InvalidMessageException {
        return SignalWireFormat.decodeSignalMessage(serialized);
    }

    boolean hasValidMac(IdentityKey sender, IdentityKey receiver, byte[] macKey) {
        int bodyLength = serialized.length - MAC_LENGTH;
        byte[] expected = mac(macKey, sender, receiver, Arrays.copyOf(serialized, bodyLength));
        byte[] actual = Arrays.copyOfRange(serialized, bodyLength, serialized.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] mac(byte[] macKey, IdentityKey sender, IdentityKey receiver, byte[] body) {
        return Arrays.copyOf(HmacSha256.mac(macKey, sender.serialize(), receiver.serialize(), body), MAC_LENGTH);
    }

    public int version() {
        return SignalWireFormat.VERSION;
    }

    /** The sender's current ratchet public key (32 bytes). */
    public byte[] senderRatchetKey() {
        return senderRatchetKey.clone();
    }

    public int counter() {
        return counter;
    }

    public int previousCounter() {
        return previousCounter;
    }

    byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public int type() {
        return SIGNAL_TYPE;
    }

    @Override
    public byte[] serialize() {
        return serialized.clone();
    }

    @Override
    public String toString() {
        return "SignalMessage[counter=" + counter + ", previousCounter=" + previousCounter
                + ", ciphertext=" + ciphertext.length + " bytes]";
    }
}
