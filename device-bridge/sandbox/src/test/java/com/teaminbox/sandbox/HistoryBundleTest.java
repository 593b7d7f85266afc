package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.fanout.HistoryChunk;
import com.teaminbox.bridge.fanout.HistoryEntry;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A companion linked after some chat traffic gets the recent past once, as history. */
class HistoryBundleTest extends SandboxTestBase {

    private static final String OTHER_CUSTOMER = "4915122222222";

    @Test
    void aNewCompanionReceivesTheRecentChatsOnceAsHistoryWithProgressTo100() throws Exception {
        SimulatedCustomer anna = sandbox.createCustomer(CUSTOMER, "Anna", 1);
        SimulatedCustomer ben = sandbox.createCustomer(OTHER_CUSTOMER, "Ben", 1);
        anna.send(BUSINESS, "Do you have rye bread?");
        ben.send(BUSINESS, "Open on Sunday?");
        TestCompanion.await(() -> phone.messages().size() == 2, "the phone got both messages");
        phone.send(CUSTOMER, "Yes, until noon");

        TestCompanion companion = linkedByQr("agent-1");

        TestCompanion.await(() -> !companion.history.isEmpty()
                && companion.history.get(companion.history.size() - 1).progressPercent() == 100, "history to 100%");
        // The phone hands the history to its sending thread at the link, before anything it sends later.
        String marker = phone.send(CUSTOMER, "marker: after the history");
        TestCompanion.await(() -> companion.messages.stream().anyMatch(m -> m.content().messageId().equals(marker)),
                "the phone's next message");
        List<HistoryEntry> entries = companion.history.stream().flatMap(c -> c.entries().stream()).toList();
        assertEquals(3, entries.size(), "each past message once");
        List<String> annaChat = entries.stream().filter(e -> e.content().chatUser().equals(CUSTOMER))
                .map(e -> (e.sentByMe() ? "me: " : "") + e.content().text()).toList();
        assertEquals(List.of("Do you have rye bread?", "me: Yes, until noon"), annaChat);
        assertTrue(entries.stream().anyMatch(e -> e.content().chatUser().equals(OTHER_CUSTOMER) && !e.sentByMe()));
        List<Integer> progress = companion.history.stream().map(HistoryChunk::progressPercent).toList();
        assertEquals(progress.stream().sorted().toList(), progress, "progress only grows");
        assertEquals(List.of(marker), companion.messages.stream().map(m -> m.content().messageId()).toList(),
                "history is not shown as new messages");

        anna.send(BUSINESS, "Thanks!");
        assertEquals("Thanks!", companion.awaitMessages(2).get(1).content().text());
        assertEquals(3, companion.history.stream().mapToInt(c -> c.entries().size()).sum(), "history came once");
    }

    @Test
    void aCompanionLinkedBeforeAnyTrafficGetsNoHistory() throws Exception {
        sandbox.createCustomer(CUSTOMER, "Anna", 1);
        TestCompanion companion = linkedByQr("agent-1");
        // History would be handed to the phone's sending thread at the link, before this.
        String marker = phone.send(CUSTOMER, "marker: the phone's first message");
        TestCompanion.await(() -> companion.messages.stream().anyMatch(m -> m.content().messageId().equals(marker)),
                "the phone's first message");
        assertFalse(companion.history.stream().anyMatch(c -> !c.entries().isEmpty()), companion.history.toString());
    }
}
