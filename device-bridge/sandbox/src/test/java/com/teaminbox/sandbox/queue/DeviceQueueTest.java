package com.teaminbox.sandbox.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.stanza.DeviceAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceQueueTest {

    private static final DeviceAddress DEVICE = new DeviceAddress("4930123456", 2);

    @TempDir
    Path dataDir;

    @Test
    void whatWasNotAcknowledgedSurvivesAReopenInOrder() {
        try (QueueStore store = new QueueStore(dataDir)) {
            DeviceQueue queue = store.of(DEVICE);
            queue.enqueue("a", bytes("first"));
            queue.enqueue("b", bytes("second"));
            queue.enqueue("c", bytes("third"));
            assertTrue(queue.acknowledge("b"));
            assertFalse(queue.acknowledge("b"), "a repeated ack changes nothing");
        }
        try (QueueStore reopened = new QueueStore(dataDir)) {
            List<QueuedDelivery> pending = reopened.of(DEVICE).pending();
            assertEquals(List.of("a", "c"), pending.stream().map(QueuedDelivery::id).toList());
            assertEquals("third", new String(pending.get(1).encoded(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRecordTornByACrashIsIgnoredAndTheRestIsKept() throws Exception {
        try (QueueStore store = new QueueStore(dataDir)) {
            store.of(DEVICE).enqueue("a", bytes("kept"));
        }
        Path log = dataDir.resolve("queues").resolve("4930123456-2.log");
        Files.writeString(log, "+ b", StandardOpenOption.APPEND);
        try (QueueStore reopened = new QueueStore(dataDir)) {
            assertEquals(List.of("a"), reopened.of(DEVICE).pending().stream().map(QueuedDelivery::id).toList());
        }
    }

    @Test
    void anEmptyQueueLeavesAnEmptyLog() throws Exception {
        try (QueueStore store = new QueueStore(dataDir)) {
            DeviceQueue queue = store.of(DEVICE);
            queue.enqueue("a", bytes("x"));
            queue.acknowledge("a");
        }
        assertEquals(0, Files.size(dataDir.resolve("queues").resolve("4930123456-2.log")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
