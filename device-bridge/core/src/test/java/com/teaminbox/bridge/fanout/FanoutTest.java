package com.teaminbox.bridge.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.signal.CiphertextMessage;
import com.teaminbox.bridge.signal.InvalidMessageException;
import com.teaminbox.bridge.signal.PreKeySignalMessage;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.SignalMessage;
import com.teaminbox.bridge.signal.TestDevice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The business account (primary + 3 companions) writes to a customer with 2 devices, from companion 1. */
class FanoutTest {
    private final Map<SignalAddress, TestDevice> network = new HashMap<>();
    private final TestDevice primary = device("shop", 0);
    private final TestDevice companion1 = device("shop", 1);
    private final TestDevice companion2 = device("shop", 2);
    private final TestDevice companion3 = device("shop", 3);
    private final TestDevice customerPhone = device("customer", 0);
    private final TestDevice customerLaptop = device("customer", 1);
    private final DeviceList ownAccount = DeviceList.of("shop", 0, 1, 2, 3);
    private final DeviceList customer = DeviceList.of("customer", 0, 1);
    private final PreKeyBundleProvider server = address -> Optional.ofNullable(network.get(address)).map(TestDevice::bundle);
    private final FanoutEncryptor encryptor =
            new FanoutEncryptor(companion1.store, companion1.address, server, TestDevice.RANDOM);

    private TestDevice device(String user, int deviceId) {
        TestDevice device = new TestDevice(user, deviceId);
        network.put(device.address, device);
        return device;
    }

    @Test
    void everyOtherDeviceGetsOneCiphertextAndReadsTheRightThing() throws Exception {
        MessageContent content = MessageContent.text("m-1", "customer", 1_700_000_000_000L, "Your order has shipped");

        FanoutMessage fanout = encryptor.encrypt(content, customer, ownAccount);

        Set<SignalAddress> targets = fanout.ciphertexts().stream().map(DeviceCiphertext::device).collect(Collectors.toSet());
        assertEquals(5, fanout.ciphertexts().size(), "2 customer devices + 3 own devices");
        assertEquals(Set.of(customerPhone.address, customerLaptop.address, primary.address, companion2.address,
                companion3.address), targets, "none for the sending device itself");
        assertTrue(fanout.unreachable().isEmpty());

        for (DeviceCiphertext ciphertext : fanout.ciphertexts()) {
            assertInstanceOf(PreKeySignalMessage.class, ciphertext.message(), "first message to a device");
            TestDevice target = network.get(ciphertext.device());
            Delivery delivery = receive(target, ciphertext);
            if (target.address.user().equals("customer")) {
                assertEquals(new Delivery.FromContact(companion1.address, content), delivery);
            } else {
                assertEquals(new Delivery.SentByMyAccount(1, "customer", content), delivery);
            }
        }
    }

    @Test
    void laterMessagesUseTheSessionsAndRepeatsAreDuplicates() throws Exception {
        FanoutMessage first = encryptor.encrypt(MessageContent.text("m-1", "customer", 1, "hello"), customer, ownAccount);
        for (DeviceCiphertext ciphertext : first.ciphertexts()) {
            receive(network.get(ciphertext.device()), ciphertext);
        }
        // The customer's phone answers, so companion 1's session with it no longer needs X3DH data.
        TestDevice phone = customerPhone;
        new FanoutDecryptor(companion1.store, companion1.address, TestDevice.RANDOM)
                .decrypt(phone.address, phone.cipherFor(companion1).encrypt(
                        ContentFormat.encode(MessageContent.text("c-1", "shop", 2, "thanks"))));

        MessageContent second = MessageContent.text("m-2", "customer", 3, "you're welcome");
        FanoutMessage fanout = encryptor.encrypt(second, customer, ownAccount);
        DeviceCiphertext toPhone = fanout.ciphertexts().stream()
                .filter(c -> c.device().equals(phone.address)).findFirst().orElseThrow();
        assertInstanceOf(SignalMessage.class, toPhone.message());

        assertEquals(new Delivery.FromContact(companion1.address, second), receive(phone, toPhone));
        assertEquals(new Delivery.Duplicate(companion1.address), receive(phone, toPhone),
                "a redelivered copy is reported, not shown twice");
    }

    @Test
    void deviceListHashFollowsTheListUsed() throws Exception {
        MessageContent content = MessageContent.text("m-1", "customer", 1, "hi");
        DeviceListHash before = encryptor.encrypt(content, customer, ownAccount).deviceListHash();
        DeviceListHash same = encryptor.encrypt(content, DeviceList.of("customer", 1, 0), ownAccount).deviceListHash();
        device("customer", 2);
        DeviceListHash after = encryptor.encrypt(content, DeviceList.of("customer", 0, 1, 2), ownAccount)
                .deviceListHash();

        assertEquals(before, same, "the order of the list does not matter");
        assertNotEquals(before, after, "a new customer device changes the hash");
        assertEquals(DeviceListHash.of(List.of(customerPhone.address, customerLaptop.address, primary.address,
                companion2.address, companion3.address)), before, "the hash covers exactly the target devices");
    }

    @Test
    void devicesWithoutBundleAreReportedUnreachable() throws Exception {
        DeviceList withGhost = DeviceList.of("customer", 0, 1, 7);
        FanoutMessage fanout = encryptor.encrypt(MessageContent.text("m-1", "customer", 1, "hi"), withGhost, ownAccount);

        assertEquals(5, fanout.ciphertexts().size());
        assertEquals(List.of(new SignalAddress("customer", 7)), fanout.unreachable());
    }

    @Test
    void aStrangerCannotPretendToBeMyAccount() throws Exception {
        TestDevice stranger = customerPhone;
        stranger.startSessionWith(primary);
        MessageContent content = MessageContent.text("x", "someone", 1, "I am the shop");
        CiphertextMessage forged = stranger.cipherFor(primary).encrypt(ContentFormat.encode(new SentByMe("someone", content)));

        assertThrows(InvalidMessageException.class,
                () -> new FanoutDecryptor(primary.store, primary.address, TestDevice.RANDOM)
                        .decrypt(stranger.address, forged));
    }

    @Test
    void historyIsAcceptedFromTheOwnPrimaryOnly() throws Exception {
        HistoryChunk history = new HistoryChunk(100, List.of(new HistoryEntry(false,
                MessageContent.text("m-9", "customer", 1, "Do you deliver?"))));
        primary.startSessionWith(companion2);
        CiphertextMessage fromPrimary = primary.cipherFor(companion2).encrypt(ContentFormat.encode(history));
        assertEquals(new Delivery.History(history), new FanoutDecryptor(companion2.store, companion2.address,
                TestDevice.RANDOM).decrypt(primary.address, fromPrimary));

        companion3.startSessionWith(companion2);
        CiphertextMessage fromCompanion = companion3.cipherFor(companion2).encrypt(ContentFormat.encode(history));
        assertThrows(InvalidMessageException.class, () -> new FanoutDecryptor(companion2.store, companion2.address,
                TestDevice.RANDOM).decrypt(companion3.address, fromCompanion), "only the phone knows the past");

        customerPhone.startSessionWith(companion2);
        CiphertextMessage fromStranger = customerPhone.cipherFor(companion2).encrypt(ContentFormat.encode(history));
        assertThrows(InvalidMessageException.class, () -> new FanoutDecryptor(companion2.store, companion2.address,
                TestDevice.RANDOM).decrypt(customerPhone.address, fromStranger));
    }

    private Delivery receive(TestDevice target, DeviceCiphertext ciphertext) throws Exception {
        CiphertextMessage onTheWire = CiphertextMessage.deserialize(ciphertext.message().type(),
                ciphertext.message().serialize());
        return new FanoutDecryptor(target.store, target.address, TestDevice.RANDOM)
                .decrypt(companion1.address, onTheWire);
    }
}
