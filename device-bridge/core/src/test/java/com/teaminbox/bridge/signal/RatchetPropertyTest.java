package com.teaminbox.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two devices talk over a network that drops, duplicates and reorders. For every delivery the
 * test predicts the outcome from what it sent and what was delivered before, and the session must
 * match: the exact plaintext, a {@link DuplicateMessageException} for a second delivery, or an
 * {@link InvalidMessageException} for a message whose receiving chain is older than the
 * {@link RatchetLimits#MAX_RECEIVER_CHAINS} kept. Nothing else may be thrown.
 */
class RatchetPropertyTest {
    private static final int SCENARIOS = 200;
    private static final int STEPS = 50;
    private static final long FIRST_SEED = 0x5EED_0000L;

    /** One copy of a sent message on the network. */
    private record Packet(int id, byte[] plaintext, int type, byte[] bytes) {
    }

    /** One side of the conversation with the test's model of what it has seen. */
    private static final class Party {
        final TestDevice device;
        final List<Packet> inbox = new ArrayList<>();
        /** Held back by the network until the end of the scenario. */
        final List<Packet> delayed = new ArrayList<>();
        final List<Packet> deliveredBefore = new ArrayList<>();
        final Set<Integer> decrypted = new HashSet<>();
        /** The peer's ratchet keys in the order this side first decrypted on them. */
        final List<String> chainsSeen = new ArrayList<>();

        Party(TestDevice device) {
            this.device = device;
        }

        boolean canSend() {
            return device.store.containsSession(peerAddress);
        }

        SignalAddress peerAddress;
    }

    /** Outcome tallies over all scenarios, to show each kind of outcome was exercised. */
    private int decryptedCount;
    private int duplicateCount;
    private int forgottenCount;
    private int maxChains;
    private Party lastReader;

    @Test
    void randomInterleavingsDecryptExactlyOrFailTyped() {
        int delivered = 0;
        for (int scenario = 0; scenario < SCENARIOS; scenario++) {
            long seed = FIRST_SEED + scenario;
            try {
                delivered += runScenario(seed);
            } catch (Throwable failure) {
                System.err.println("Ratchet property failed with seed " + seed);
                throw new AssertionError("scenario with seed " + seed + " failed: " + failure.getMessage(), failure);
            }
        }
        System.out.printf("ratchet property: %d deliveries, %d decrypted, %d duplicates, %d late on forgotten chains%n",
                delivered, decryptedCount, duplicateCount, forgottenCount);
        assertTrue(delivered > SCENARIOS * 10, "the scenarios actually delivered messages: " + delivered);
        assertTrue(decryptedCount > SCENARIOS * 10, "decrypted: " + decryptedCount);
        assertTrue(duplicateCount > SCENARIOS, "duplicates: " + duplicateCount);
        assertTrue(forgottenCount > 0, "late messages of forgotten chains: " + forgottenCount + ", most chains " + maxChains);
    }

    private int runScenario(long seed) throws Exception {
        Random random = new Random(seed);
        Party alice = new Party(new TestDevice("alice", 2));
        Party bob = new Party(new TestDevice("bob", 0));
        alice.peerAddress = bob.device.address;
        bob.peerAddress = alice.device.address;
        if (random.nextBoolean()) {
            alice.device.startSessionWith(bob.device);
        } else {
            new SessionBuilder(alice.device.store, bob.device.address, TestDevice.RANDOM)
                    .process(bob.device.bundleWithoutOneTimePreKey());
        }
        // The initiator's session starts with a receiving chain on the responder's signed prekey,
        // on which nothing is ever sent; it occupies one of the kept chains.
        alice.chainsSeen.add("signed-prekey");

        lastReader = null;
        int nextId = 0;
        int deliveries = 0;
        for (int step = 0; step < STEPS; step++) {
            int action = random.nextInt(10);
            if (action < 4) {
                // Chats are mostly ping-pong: usually the side that just read a message answers,
                // which turns the ratchet often enough to push old chains out of the session.
                Party sender = lastReader != null && random.nextInt(10) < 7 ? lastReader
                        : random.nextBoolean() ? alice : bob;
                if (!sender.canSend()) {
                    sender = alice;
                }
                Party receiver = sender == alice ? bob : alice;
                send(random, sender, receiver, nextId++);
            } else if (action < 9) {
                Party receiver = random.nextBoolean() ? alice : bob;
                if (receiver.inbox.isEmpty()) {
                    receiver = receiver == alice ? bob : alice;
                }
                if (!receiver.inbox.isEmpty()) {
                    deliver(receiver, receiver.inbox.remove(random.nextInt(receiver.inbox.size())));
                    deliveries++;
                }
            } else {
                Party receiver = random.nextBoolean() ? alice : bob;
                if (!receiver.deliveredBefore.isEmpty()) {
                    deliver(receiver, receiver.deliveredBefore.get(random.nextInt(receiver.deliveredBefore.size())));
                    deliveries++;
                }
            }
        }
        maxChains = Math.max(maxChains, Math.max(alice.chainsSeen.size(), bob.chainsSeen.size()));
        // The long-delayed copies and what is still in flight arrive last, in random order.
        for (Party receiver : new Party[] {alice, bob}) {
            List<Packet> late = new ArrayList<>(receiver.delayed);
            late.addAll(receiver.inbox);
            java.util.Collections.shuffle(late, random);
            for (Packet packet : late) {
                deliver(receiver, packet);
                deliveries++;
            }
        }
        // Whatever happened, the session must still carry new messages both ways.
        Party[] order = {alice, bob};
        for (Party sender : order) {
            Party receiver = sender == alice ? bob : alice;
            if (sender.canSend()) {
                Packet last = encrypt(sender, receiver, nextId++, "final".getBytes(StandardCharsets.UTF_8));
                deliver(receiver, last);
            }
        }
        return deliveries;
    }

    private static void send(Random random, Party sender, Party receiver, int id) throws Exception {
        byte[] plaintext = new byte[random.nextInt(120)];
        random.nextBytes(plaintext);
        Packet packet = encrypt(sender, receiver, id, plaintext);
        int fate = random.nextInt(100);
        if (fate < 15) {
            return; // dropped
        }
        if (fate < 25) {
            receiver.delayed.add(packet);
            return;
        }
        receiver.inbox.add(packet);
        if (fate >= 85) {
            receiver.inbox.add(packet); // duplicated in transit
        }
    }

    private static Packet encrypt(Party sender, Party receiver, int id, byte[] plaintext) throws Exception {
        CiphertextMessage message = sender.device.cipherFor(receiver.device).encrypt(plaintext);
        return new Packet(id, plaintext, message.type(), message.serialize());
    }

    private void deliver(Party receiver, Packet packet) throws Exception {
        CiphertextMessage message = CiphertextMessage.deserialize(packet.type(), packet.bytes());
        SignalMessage inner = message instanceof PreKeySignalMessage preKey ? preKey.message() : (SignalMessage) message;
        String chain = HexFormat.of().formatHex(inner.senderRatchetKey());
        int chainPosition = receiver.chainsSeen.indexOf(chain);
        boolean chainForgotten = chainPosition >= 0
                && chainPosition < receiver.chainsSeen.size() - RatchetLimits.MAX_RECEIVER_CHAINS;
        boolean duplicate = receiver.decrypted.contains(packet.id());
        SessionCipher cipher = new SessionCipher(receiver.device.store, receiver.peerAddress, TestDevice.RANDOM);

        byte[] plaintext;
        try {
            plaintext = cipher.decrypt(message);
        } catch (DuplicateMessageException e) {
            if (!duplicate || chainForgotten) {
                fail("message " + packet.id() + " reported as duplicate, duplicate=" + duplicate
                        + " chainForgotten=" + chainForgotten, e);
            }
            duplicateCount++;
            return;
        } catch (InvalidMessageException e) {
            if (!chainForgotten) {
                fail("message " + packet.id() + " rejected though its chain is kept", e);
            }
            forgottenCount++;
            return;
        }
        if (duplicate || chainForgotten) {
            fail("message " + packet.id() + " decrypted though expected to fail, duplicate=" + duplicate
                    + " chainForgotten=" + chainForgotten);
        }
        assertArrayEquals(packet.plaintext(), plaintext, "message " + packet.id() + " decrypted to other bytes");
        receiver.decrypted.add(packet.id());
        lastReader = receiver;
        decryptedCount++;
        receiver.deliveredBefore.add(packet);
        if (chainPosition < 0) {
            receiver.chainsSeen.add(chain);
        }
    }
}
