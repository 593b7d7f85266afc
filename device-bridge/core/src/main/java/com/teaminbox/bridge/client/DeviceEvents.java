package com.teaminbox.bridge.client;

/**
 * What a {@link DeviceClient} reports to the inbox. Called on the client's event thread, one
 * event at a time and in arrival order; implementations should hand work off rather than block.
 */
public interface DeviceEvents {

    /**
     * A message still Signal-encrypted, for callers that decrypt themselves (see
     * {@link InboundStanzas}). {@link NetworkDeviceClient} decrypts and reports
     * {@link #messageDecrypted} instead.
     */
    default void messageReceived(IncomingMessage message) {
    }

    /**
     * A message was decrypted. The client acknowledges it to the server only after this returns,
     * so an application that stores it first (and throws when it cannot) never loses one.
     */
    default void messageDecrypted(ReceivedMessage message) {
    }

    /** Linking finished: store the device (who we are now, whom we trust as the primary). */
    default void linked(com.teaminbox.bridge.linking.LinkedDevice device) {
    }

    /** A message for this device could not be decrypted (the sender must retry); shown as a warning. */
    default void messageUndecryptable(com.teaminbox.bridge.stanza.DeviceAddress sender, String reason) {
    }

    /**
     * Part of the history bundle the primary sends after linking: past messages, shown as history
     * rather than as new messages; {@code chunk.progressPercent()} reaches 100 on the last part.
     */
    default void historyReceived(com.teaminbox.bridge.fanout.HistoryChunk chunk) {
    }

    default void receiptReceived(Receipt receipt) {
    }

    default void deviceListChanged(DeviceListChange change) {
    }

    /** The device is no longer part of the account; the agent must link again. */
    default void loggedOut(LogoutReason reason) {
    }

    default void primaryActive(PrimaryActivity activity) {
    }

    default void connectionStateChanged(ConnectionState state) {
    }

    /**
     * The connection state changed; {@code reason} says why when the connection was lost
     * (null otherwise). By default this reports to {@link #connectionStateChanged}.
     */
    default void connectionChanged(ConnectionState state, String reason) {
        connectionStateChanged(state);
    }
}
