package com.teaminbox.bridge.client;

import com.teaminbox.bridge.fanout.Delivery;
import com.teaminbox.bridge.fanout.FanoutDecryptor;
import com.teaminbox.bridge.signal.PreKeySignalMessage;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.SignalMessage;
import com.teaminbox.bridge.signal.SignalProtocolException;
import com.teaminbox.bridge.stanza.CiphertextKind;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.bridge.stanza.DeviceCiphertext;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaField;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The receiving half: decrypts this device's copy of a message and hands it to the application.
 * The caller acknowledges the delivery only when this returns normally, that is after the
 * application's listener returned. Because decrypting advances the ratchet, a message whose
 * listener failed is kept here by delivery id, so that the server's redelivery shows it again
 * instead of being dropped as a duplicate.
 */
final class MessageReceiver {

    private static final System.Logger LOG = System.getLogger(MessageReceiver.class.getName());
    private static final int MAX_UNACKNOWLEDGED = 1_000;

    private final DeviceAddress self;
    private final FanoutDecryptor decryptor;
    private final DeviceEvents events;
    private final Map<String, ReceivedMessage> failedDeliveries = new LinkedHashMap<>();

    MessageReceiver(DeviceAddress self, com.teaminbox.bridge.signal.SignalProtocolStore store, DeviceEvents events,
                    SecureRandom random) {
        this.self = self;
        this.decryptor = new FanoutDecryptor(store, new SignalAddress(self.account(), self.device()), random);
        this.events = events;
    }

    /**
     * @return true when the delivery may be acknowledged (handled, a duplicate, or undecryptable);
     *         false when the application's listener failed and the server should deliver it again
     */
    boolean receive(Stanza stanza, Instant now) {
        ReceivedMessage earlier = failedDeliveries.get(stanza.id());
        if (earlier != null) {
            return hand(earlier);
        }
        DeviceAddress sender = new DeviceAddress(stanza.text(StanzaField.SENDER_ACCOUNT),
                (int) stanza.number(StanzaField.SENDER_DEVICE));
        Optional<DeviceCiphertext> mine = stanza.ciphertexts(StanzaField.CIPHERTEXTS).stream()
                .filter(c -> c.device().equals(self)).findFirst();
        if (mine.isEmpty()) {
            return true;
        }
        Delivery delivery;
        try {
            byte[] bytes = mine.get().ciphertext();
            delivery = decryptor.decrypt(new SignalAddress(sender.account(), sender.device()),
                    mine.get().kind() == CiphertextKind.PREKEY_MESSAGE ? PreKeySignalMessage.deserialize(bytes)
                            : SignalMessage.deserialize(bytes));
        } catch (SignalProtocolException e) {
            events.messageUndecryptable(sender, e.getClass().getSimpleName() + ": " + e.getMessage());
            return true;
        }
        if (sender.isPrimary() && sender.account().equals(self.account())) {
            events.primaryActive(new PrimaryActivity(PrimaryActivitySource.SENT_FROM_PRIMARY, now));
        }
        if (delivery instanceof Delivery.FromContact contact) {
            return hand(new ReceivedMessage(stanza.id(), sender, sender.account(), contact.content(), false));
        }
        if (delivery instanceof Delivery.History history) {
            try {
                events.historyReceived(history.chunk());
            } catch (RuntimeException e) {
                // The ratchet moved on, so a redelivery would be a duplicate: history is best effort.
                LOG.log(System.Logger.Level.WARNING, "the application failed to store history: {0}", e.toString());
            }
            return true;
        }
        if (delivery instanceof Delivery.SentByMyAccount own) {
            return hand(new ReceivedMessage(stanza.id(), sender, own.destinationUser(), own.content(), true));
        }
        return true; // a duplicate: shown once already
    }

    private boolean hand(ReceivedMessage message) {
        try {
            events.messageDecrypted(message);
            failedDeliveries.remove(message.deliveryId());
            return true;
        } catch (RuntimeException e) {
            if (failedDeliveries.size() >= MAX_UNACKNOWLEDGED) {
                failedDeliveries.remove(failedDeliveries.keySet().iterator().next());
            }
            failedDeliveries.put(message.deliveryId(), message);
            return false;
        }
    }
}
