package com.teaminbox.bridge.fanout;

import com.teaminbox.bridge.signal.SignalAddress;

/** What the application learns from one received per-device ciphertext. */
public sealed interface Delivery {

    /** A message from another user's device. */
    record FromContact(SignalAddress sender, MessageContent content) implements Delivery {
    }

    /** A message the own account sent (from device {@code senderDeviceId}) to {@code destinationUser}. */
    record SentByMyAccount(int senderDeviceId, String destinationUser, MessageContent content) implements Delivery {
    }

    /** Part of the history bundle from the own account's primary. */
    record History(HistoryChunk chunk) implements Delivery {
    }

    /** The same ciphertext arrived again; it was already delivered and must not be shown twice. */
    record Duplicate(SignalAddress sender) implements Delivery {
    }
}
