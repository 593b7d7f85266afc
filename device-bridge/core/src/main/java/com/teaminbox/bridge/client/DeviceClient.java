package com.teaminbox.bridge.client;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * One companion device of the business account, as the inbox uses it: one per agent.
 * Events go to the {@link DeviceEvents} given when the client is made.
 */
public interface DeviceClient extends AutoCloseable {

    /** Connects (or reconnects per the {@link ReconnectPolicy}) and logs in as the linked device. */
    CompletionStage<Void> connect();

    /**
     * Starts linking by QR code. The publisher emits a new QR text each time the server's ref
     * rotates and completes when the device is linked, or fails with a
     * {@link com.teaminbox.bridge.linking.LinkingException} (expired, hmac-mismatch...).
     */
    Flow.Publisher<String> linkByQr();

    /**
     * Starts linking by pairing code for the account with this phone number (digits only).
     *
     * @return the code to show, formatted XXXX-XXXX, once the server accepted the request
     */
    CompletionStage<String> linkByPairingCode(String phoneNumber);

    /** Encrypts for every device (fan-out) and completes when the server acknowledged. */
    CompletionStage<Void> send(OutgoingMessage message);

    /** Tells the sender's devices that we delivered or read their messages; completes on the server's ack. */
    CompletionStage<Void> sendReceipt(com.teaminbox.bridge.stanza.DeviceAddress sender, Receipt.Kind kind,
                                      java.util.List<String> messageIds);

    /**
     * Removes this companion from the account (the agent logs the device out from the inbox). The
     * server answers with the end of the stream; {@link DeviceEvents#loggedOut} follows with
     * {@link LogoutReason#UNLINKED}.
     */
    CompletionStage<Void> unlink();

    ConnectionState state();

    /** Disconnects without unlinking; no more events after this returns. */
    @Override
    void close();
}
