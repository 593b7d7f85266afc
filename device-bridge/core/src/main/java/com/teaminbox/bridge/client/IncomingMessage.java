package com.teaminbox.bridge.client;

import com.teaminbox.bridge.stanza.CiphertextKind;
import com.teaminbox.bridge.stanza.DeviceAddress;
import java.time.Instant;

/**
 * A message for this device as it arrived, still Signal-encrypted (the signal package decrypts
 * it). {@code chat} is the account the conversation is with; for a copy of our own message
 * ({@code fromOwnAccount}) that is the recipient.
 */
public record IncomingMessage(String id, DeviceAddress sender, String chat, CiphertextKind kind, byte[] ciphertext,
                              boolean fromOwnAccount, Instant sentAt) {

    public IncomingMessage {
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "IncomingMessage[" + id + " from " + sender + ", " + ciphertext.length + " bytes]";
    }
}
