package com.teaminbox.bridge.client;

import com.teaminbox.bridge.fanout.MessageContent;
import com.teaminbox.bridge.stanza.DeviceAddress;

/**
 * A decrypted message as the application stores it. {@code chat} is the other user of the
 * conversation: the sender for a contact's message, the recipient for a copy of a message that
 * another device of the own account sent ({@code sentByMe}). {@code deliveryId} is the server's
 * queue id; the client acknowledges it once the listener returned.
 */
public record ReceivedMessage(String deliveryId, DeviceAddress sender, String chat, MessageContent content,
                              boolean sentByMe) {

    @Override
    public String toString() {
        return "ReceivedMessage[" + content.messageId() + " in " + chat + " from " + sender
                + (sentByMe ? ", sent by me" : "") + "]";
    }
}
