package com.teaminbox.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.client.Receipt;
import com.teaminbox.sandbox.customer.DemoChatter;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoChatterTest extends SandboxTestBase {

    /** Fast enough for a test, slow enough that each message is acked before the next. */
    private static final DemoChatter.Pace QUICK = new DemoChatter.Pace(Duration.ofMillis(150), Duration.ofMillis(300),
            Duration.ofMillis(200));

    @Test
    void demoCustomersOpenThenKeepAskingAndTheCompanionHearsThem() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        sandbox.createCustomer(SandboxMain.DEMO_CUSTOMERS.get(0), "Anna", 1);
        sandbox.createCustomer(SandboxMain.DEMO_CUSTOMERS.get(1), "Ben", 2);
        sandbox.createCustomer(SandboxMain.DEMO_CUSTOMERS.get(2), "Chiara", 1);

        sandbox.startDemoChatter(SandboxMain.DEMO_CUSTOMERS, true, QUICK, new Random(7));

        List<ReceivedMessage> received = companion.awaitMessages(6);
        // The openings come first, one per customer in turn.
        for (int i = 0; i < 3; i++) {
            assertEquals(SandboxMain.DEMO_CUSTOMERS.get(i), received.get(i).sender().account());
            assertEquals(DemoChatter.OPENINGS.get(i), received.get(i).content().text());
        }
        // Then questions from the list, each from one of the demo customers.
        for (ReceivedMessage later : received.subList(3, received.size())) {
            assertTrue(DemoChatter.QUESTIONS.contains(later.content().text()), later.content().text());
            assertTrue(SandboxMain.DEMO_CUSTOMERS.contains(later.sender().account()), later.sender().toString());
        }
        assertEquals(List.of(), companion.messageErrors);
    }

    @Test
    void aDemoCustomerReadsTheAgentsReplyByHerself() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        sandbox.createCustomer(SandboxMain.DEMO_CUSTOMERS.get(0), "Anna", 1);
        // No openings (a data folder that already had them), and a long pause before any question.
        sandbox.startDemoChatter(List.of(SandboxMain.DEMO_CUSTOMERS.get(0)), false,
                new DemoChatter.Pace(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMillis(200)), new Random(7));
        settle();
        assertEquals(List.of(), companion.messages, "nothing said without openings");

        companion.send("agent-hello", SandboxMain.DEMO_CUSTOMERS.get(0), "Hello Anna, how can we help?");
        companion.awaitReceipt(Receipt.Kind.DELIVERED, "agent-hello");
        Receipt read = companion.awaitReceipt(Receipt.Kind.READ, "agent-hello");
        assertEquals(SandboxMain.DEMO_CUSTOMERS.get(0), read.from().account());
    }

    @Test
    void withoutDemoChatterCustomersNeitherWriteNorRead() throws Exception {
        TestCompanion companion = linkedByQr("agent");
        sandbox.createCustomer(SandboxMain.DEMO_CUSTOMERS.get(0), "Anna", 1);
        companion.send("agent-hello", SandboxMain.DEMO_CUSTOMERS.get(0), "Hello Anna");
        companion.awaitReceipt(Receipt.Kind.DELIVERED, "agent-hello");
        Thread.sleep(500);
        assertTrue(companion.receipts.stream().noneMatch(r -> r.kind() == Receipt.Kind.READ), "no read by default");
        assertEquals(List.of(), companion.messages);
    }
}
