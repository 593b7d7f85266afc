package com.teaminbox.bridge.client;

import java.util.Objects;

/** A message an agent sends into a chat: the client encrypts it for every device of the chat and of the own account. */
public record OutgoingMessage(String id, String chat, byte[] plaintext) {

    public OutgoingMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        plaintext = plaintext.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public String toString() {
        return "OutgoingMessage[" + id + " to " + chat + "]";
    }
}
