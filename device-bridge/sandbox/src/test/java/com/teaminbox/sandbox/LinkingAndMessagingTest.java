package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.client.Receipt;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.phone.PhoneException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LinkingAndMessagingTest extends SandboxTestBase {

    @Test
    void companionLinkedByQrReceivesACustomerMessage() throws Exception {
        TestCompanion companion = companion("inbox-agent-1");
        int deviceId = phone.scanQr(companion.startQr());
        DeviceAddress address = companion.awaitLoggedIn();
        assertEquals(new DeviceAddress(BUSINESS, deviceId), address);
        assertEquals("Demo Bakery", companion.linked.get().businessName());

        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        customer.send(BUSINESS, "Do you have rye bread?");

        ReceivedMessage received = companion.awaitMessages(1).get(0);
        assertEquals("Do you have rye bread?", received.content().text());
        assertEquals(CUSTOMER, received.chat());
        assertFalse(received.sentByMe());
    }

    @Test
    void companionLinkedByPairingCodeReceivesTheOwnersMessageAsSentByMe() throws Exception {
        TestCompanion companion = companion("inbox-agent-2");
        String code = companion.startPairingCode(BUSINESS);
        assertTrue(code.matches("[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}"), code);
        phone.enterPairingCode(code);
        companion.awaitLoggedIn();
        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);

        phone.send(CUSTOMER, "Your order is ready");

        ReceivedMessage copy = companion.awaitMessages(1).get(0);
        assertTrue(copy.sentByMe());
        assertEquals(CUSTOMER, copy.chat());
        assertEquals("Your order is ready", copy.content().text());
        TestCompanion.await(() -> customer.received().size() == 1, "customer got the reply");
        assertEquals("Your order is ready", customer.received().get(0).content().text());
    }

    @Test
    void fourCompanionsLinkAFifthIsRefusedAndACustomerMessageReachesEachDeviceOnce() throws Exception {
        List<TestCompanion> linked = List.of(linkedByQr("agent-1"), linkedByQr("agent-2"),
                linkedByCode("agent-3"), linkedByCode("agent-4"));
        assertEquals(4, phone.linkedDevices().size());

        TestCompanion fifth = companion("agent-5");
        String qr = fifth.startQr();
        PhoneException refused = assertThrows(PhoneException.class, () -> phone.scanQr(qr));
        assertEquals("companion-limit-reached", refused.reason());
        assertTrue(refused.getMessage().contains("limit is 4"), refused.getMessage());
        TestCompanion.await(() -> fifth.linkError.get() != null, "the fifth companion hears the refusal");
        assertTrue(fifth.linkError.get().getMessage().contains("companion-limit-reached"), fifth.linkError.get().getMessage());
        assertTrue(fifth.registration.address().isEmpty());

        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 2);
        customer.send(BUSINESS, "Hello shop");
        String marker = sendMarker(customer);

        for (TestCompanion companion : linked) {
            List<ReceivedMessage> beforeMarker = companion.awaitUpTo(marker);
            assertEquals(List.of("Hello shop"), beforeMarker.stream().map(m -> m.content().text()).toList(),
                    companion.address() + " got it once");
        }
        TestCompanion.await(() -> phone.messages().stream().anyMatch(m -> marker.equals(m.content().text())),
                "the phone got the marker");
        assertEquals(List.of("Hello shop", marker), phone.messages().stream().map(m -> m.content().text()).toList(),
                "the phone got it once");
        // The customer's second device got its own copy as "sent by me".
        TestCompanion.await(() -> !customer.devices().get(1).inbox().isEmpty(), "customer's second device");
        assertEquals("Hello shop", customer.devices().get(1).inbox().get(0).content().text());
        assertTrue(customer.devices().get(1).inbox().get(0).sentByMe());
        Set<Integer> devices = linked.stream().map(c -> c.address().device()).collect(Collectors.toSet());
        assertEquals(4, devices.size());
    }

    @Test
    void receiptsFromTheCustomerReachTheCompanions() throws Exception {
        TestCompanion companion = linkedByQr("agent-1");
        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        customer.send(BUSINESS, "hi");
        companion.awaitMessages(1);

        String replyId = phone.send(CUSTOMER, "hello Anna");

        // The customer's phone answers with a delivered receipt that every business device hears.
        TestCompanion.await(() -> phone.device().receipts().size() == 1, "receipt at the phone");
        assertEquals(CUSTOMER, phone.device().receipts().get(0).from().account());
        Receipt atCompanion = companion.awaitReceipt(Receipt.Kind.DELIVERED, replyId);
        assertEquals(new DeviceAddress(CUSTOMER, 0), atCompanion.from());
    }

    @Test
    void aCompanionsReplyIsReportedDeliveredAndThenReadByTheCustomer() throws Exception {
        TestCompanion companion = linkedByQr("agent-1");
        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        customer.send(BUSINESS, "Is the cake ready?");
        companion.awaitMessages(1);

        companion.send("agent-reply-1", CUSTOMER, "Yes, ready at four.");
        Receipt delivered = companion.awaitReceipt(Receipt.Kind.DELIVERED, "agent-reply-1");
        assertEquals(new DeviceAddress(CUSTOMER, 0), delivered.from());
        // Her phone sends receipts and messages one after the other: a read sent with the
        // delivered receipt would be in before her next message.
        companion.awaitUpTo(sendMarker(customer));
        assertTrue(companion.receipts.stream().noneMatch(r -> r.kind() == Receipt.Kind.READ), "not read before she looks");

        assertEquals(1, customer.markRead());
        Receipt read = companion.awaitReceipt(Receipt.Kind.READ, "agent-reply-1");
        assertEquals(new DeviceAddress(CUSTOMER, 0), read.from());
        assertEquals(0, customer.markRead(), "each reply is read once");
    }

    @Test
    void aCustomerSetToReadByHerselfSendsTheReadReceiptAfterTheDelay() throws Exception {
        TestCompanion companion = linkedByQr("agent-1");
        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        customer.readAfter(java.time.Duration.ofMillis(400));
        customer.send(BUSINESS, "Still open?");
        companion.awaitMessages(1);

        long sent = System.nanoTime();
        companion.send("agent-reply-2", CUSTOMER, "Until six.");
        companion.awaitReceipt(Receipt.Kind.READ, "agent-reply-2");
        assertTrue(System.nanoTime() - sent >= java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(400),
                "read no earlier than the delay");
        assertTrue(companion.receipts.stream().anyMatch(r -> r.kind() == Receipt.Kind.DELIVERED
                && r.messageIds().contains("agent-reply-2")), "delivered as well");
    }

    @Test
    void thePhoneReadingAChatSendsAReadReceiptThatReachesTheCustomer() throws Exception {
        SimulatedCustomer customer = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        String asked = customer.send(BUSINESS, "Do you deliver?");
        TestCompanion.await(() -> phone.messages().size() == 1, "the phone has the message");

        phone.readChat(CUSTOMER);

        TestCompanion.await(() -> customer.devices().get(0).receipts().stream()
                .anyMatch(r -> r.kind() == Receipt.Kind.READ && r.messageIds().contains(asked)), "read receipt at the customer");
        Receipt read = customer.devices().get(0).receipts().stream().filter(r -> r.kind() == Receipt.Kind.READ)
                .findFirst().orElseThrow();
        assertEquals(new DeviceAddress(BUSINESS, 0), read.from());
    }
}
