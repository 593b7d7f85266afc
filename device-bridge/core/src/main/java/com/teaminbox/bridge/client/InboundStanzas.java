package com.teaminbox.bridge.client;

import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.bridge.stanza.DeviceCiphertext;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaField;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Turns stanzas from the server into {@link DeviceEvents} for a logged-in device, including the
 * indirect signs of primary activity. Pure: the caller decodes frames and acks messages.
 */
public final class InboundStanzas {

    private static final int UNAUTHORIZED = 401;

    private final DeviceAddress self;
    private final DeviceEvents events;

    public InboundStanzas(DeviceAddress self, DeviceEvents events) {
        this.self = Objects.requireNonNull(self, "self");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** @return true if the stream is over for good (logged out), so the caller must not reconnect */
    public boolean dispatch(Stanza stanza, Instant now) {
        switch (stanza.type()) {
            case MESSAGE -> message(stanza, now);
            case RECEIPT -> receipt(stanza, now);
            case DEVICE_LIST_CHANGED_NOTICE -> events.deviceListChanged(
                    new DeviceListChange(stanza.text(StanzaField.ACCOUNT), stanza.devices(StanzaField.DEVICES)));
            case STREAM_ERROR, LOGIN_FAILURE -> {
                if (stanza.number(StanzaField.CODE) == UNAUTHORIZED) {
                    events.loggedOut(LogoutReason.fromWire(stanza.optionalText(StanzaField.REASON).orElse("")));
                    events.connectionStateChanged(ConnectionState.LOGGED_OUT);
                    return true;
                }
                if (stanza.optionalText(StanzaField.REASON).filter("replaced"::equals).isPresent()) {
                    events.loggedOut(LogoutReason.REPLACED);
                    events.connectionStateChanged(ConnectionState.LOGGED_OUT);
                    return true;
                }
            }
            default -> {
                // acks, pings, prekey notices and linking stanzas are handled by their own step
            }
        }
        return false;
    }

    private void message(Stanza stanza, Instant now) {
        if (!stanza.has(StanzaField.SENDER_ACCOUNT) || !stanza.has(StanzaField.SENDER_DEVICE)) {
            return; // an outgoing fan-out echoed back carries no sender: nothing to report
        }
        DeviceAddress sender = new DeviceAddress(stanza.text(StanzaField.SENDER_ACCOUNT),
                (int) stanza.number(StanzaField.SENDER_DEVICE));
        boolean fromOwnAccount = stanza.flag(StanzaField.FROM_OWN_ACCOUNT);
        Instant sentAt = stanza.has(StanzaField.TIMESTAMP) ? Instant.ofEpochSecond(stanza.number(StanzaField.TIMESTAMP)) : now;
        List<DeviceCiphertext> copies = stanza.ciphertexts(StanzaField.CIPHERTEXTS);
        for (DeviceCiphertext copy : copies) {
            if (copy.device().equals(self)) {
                events.messageReceived(new IncomingMessage(stanza.id(), sender, stanza.text(StanzaField.ACCOUNT),
                        copy.kind(), copy.ciphertext(), fromOwnAccount, sentAt));
            }
        }
        if (isOwnPrimary(sender)) {
            events.primaryActive(new PrimaryActivity(PrimaryActivitySource.SENT_FROM_PRIMARY, now));
        }
    }

    private void receipt(Stanza stanza, Instant now) {
        DeviceAddress from = new DeviceAddress(stanza.text(StanzaField.ACCOUNT), (int) stanza.number(StanzaField.DEVICE));
        Receipt.Kind kind = "read".equals(stanza.text(StanzaField.RECEIPT_KIND)) ? Receipt.Kind.READ : Receipt.Kind.DELIVERED;
        Instant at = stanza.has(StanzaField.TIMESTAMP) ? Instant.ofEpochSecond(stanza.number(StanzaField.TIMESTAMP)) : now;
        events.receiptReceived(new Receipt(from, kind, stanza.texts(StanzaField.MESSAGE_IDS), at));
        if (isOwnPrimary(from)) {
            events.primaryActive(new PrimaryActivity(PrimaryActivitySource.RECEIPT_FROM_PRIMARY, now));
        }
    }

    private boolean isOwnPrimary(DeviceAddress device) {
        return device.isPrimary() && device.account().equals(self.account());
    }
}
