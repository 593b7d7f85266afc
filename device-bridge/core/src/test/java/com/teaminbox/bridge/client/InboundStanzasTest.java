package com.teaminbox.bridge.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.stanza.CiphertextKind;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.bridge.stanza.DeviceCiphertext;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaField;
import com.teaminbox.bridge.stanza.StanzaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundStanzasTest {

    private static final String BUSINESS = "4915112345678";
    private static final String CUSTOMER = "14155550100";
    private static final DeviceAddress SELF = new DeviceAddress(BUSINESS, 3);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final List<Object> seen = new ArrayList<>();
    private final InboundStanzas inbound = new InboundStanzas(SELF, new DeviceEvents() {
        @Override
        public void messageReceived(IncomingMessage message) {
            seen.add(message);
        }

        @Override
        public void receiptReceived(Receipt receipt) {
            seen.add(receipt);
        }

        @Override
        public void deviceListChanged(DeviceListChange change) {
            seen.add(change);
        }

        @Override
        public void loggedOut(LogoutReason reason) {
            seen.add(reason);
        }

        @Override
        public void primaryActive(PrimaryActivity activity) {
            seen.add(activity);
        }

        @Override
        public void connectionStateChanged(ConnectionState state) {
            seen.add(state);
        }
    });

    private static Stanza message(DeviceAddress sender, String chat, boolean fromOwnAccount) {
        return Stanza.builder(StanzaType.MESSAGE, "m1").text(StanzaField.ACCOUNT, chat)
                .text(StanzaField.SENDER_ACCOUNT, sender.account()).number(StanzaField.SENDER_DEVICE, sender.device())
                .flag(StanzaField.FROM_OWN_ACCOUNT, fromOwnAccount).number(StanzaField.TIMESTAMP, 1_772_000_000L)
                .ciphertexts(StanzaField.CIPHERTEXTS, List.of(
                        new DeviceCiphertext(SELF, CiphertextKind.PREKEY_MESSAGE, new byte[] {1, 2, 3})))
                .build();
    }

    @Test
    void customerMessageBecomesAMessageEventOnly() {
        assertFalse(inbound.dispatch(message(new DeviceAddress(CUSTOMER, 0), CUSTOMER, false), NOW));
        assertEquals(1, seen.size());
        IncomingMessage message = (IncomingMessage) seen.get(0);
        assertEquals(CUSTOMER, message.chat());
        assertEquals(CiphertextKind.PREKEY_MESSAGE, message.kind());
        assertArrayEquals(new byte[] {1, 2, 3}, message.ciphertext());
        assertEquals(Instant.ofEpochSecond(1_772_000_000L), message.sentAt());
    }

    @Test
    void copyOfAMessageThePrimarySentShowsPrimaryActivity() {
        inbound.dispatch(message(new DeviceAddress(BUSINESS, 0), CUSTOMER, true), NOW);
        assertTrue(((IncomingMessage) seen.get(0)).fromOwnAccount());
        assertEquals(new PrimaryActivity(PrimaryActivitySource.SENT_FROM_PRIMARY, NOW), seen.get(1));
    }

    @Test
    void copyFromAnotherCompanionIsNotPrimaryActivity() {
        inbound.dispatch(message(new DeviceAddress(BUSINESS, 2), CUSTOMER, true), NOW);
        assertEquals(1, seen.size());
    }

    @Test
    void readReceiptFromDeviceZeroOfTheOwnAccountShowsPrimaryActivity() {
        inbound.dispatch(Stanza.builder(StanzaType.RECEIPT, "r1").text(StanzaField.ACCOUNT, BUSINESS)
                .number(StanzaField.DEVICE, 0).text(StanzaField.RECEIPT_KIND, "read")
                .texts(StanzaField.MESSAGE_IDS, List.of("m1", "m2")).build(), NOW);
        assertEquals(new Receipt(new DeviceAddress(BUSINESS, 0), Receipt.Kind.READ, List.of("m1", "m2"), NOW), seen.get(0));
        assertEquals(new PrimaryActivity(PrimaryActivitySource.RECEIPT_FROM_PRIMARY, NOW), seen.get(1));
    }

    @Test
    void deviceRemovedStreamErrorLogsOutForGood() {
        boolean over = inbound.dispatch(Stanza.builder(StanzaType.STREAM_ERROR, "e").number(StanzaField.CODE, 401)
                .text(StanzaField.REASON, "device_removed").build(), NOW);
        assertTrue(over);
        assertEquals(List.of(LogoutReason.DEVICE_REMOVED, ConnectionState.LOGGED_OUT), seen);
    }

    @Test
    void replacedConnectionIsReportedAsLoggedOutReplaced() {
        assertTrue(inbound.dispatch(Stanza.builder(StanzaType.STREAM_ERROR, "e").number(StanzaField.CODE, 409)
                .text(StanzaField.REASON, "replaced").build(), NOW));
        assertEquals(LogoutReason.REPLACED, seen.get(0));
    }

    @Test
    void loginFailure401WhileOfflineAlsoLogsOut() {
        assertTrue(inbound.dispatch(Stanza.builder(StanzaType.LOGIN_FAILURE, "l").number(StanzaField.CODE, 401).build(), NOW));
        assertEquals(LogoutReason.UNAUTHORIZED, seen.get(0));
    }

    @Test
    void otherStreamErrorsAllowAReconnect() {
        assertFalse(inbound.dispatch(Stanza.builder(StanzaType.STREAM_ERROR, "e").number(StanzaField.CODE, 503)
                .text(StanzaField.REASON, "restarting").build(), NOW));
        assertTrue(seen.isEmpty());
    }

    @Test
    void deviceListChangeIsPassedOn() {
        List<DeviceAddress> devices = List.of(new DeviceAddress(CUSTOMER, 0), new DeviceAddress(CUSTOMER, 1));
        inbound.dispatch(Stanza.builder(StanzaType.DEVICE_LIST_CHANGED_NOTICE, "d").text(StanzaField.ACCOUNT, CUSTOMER)
                .devices(StanzaField.DEVICES, devices).bytes(StanzaField.DEVICE_LIST_HASH, new byte[32]).build(), NOW);
        assertEquals(List.of(new DeviceListChange(CUSTOMER, devices)), seen);
    }
}
