package com.teaminbox.sandbox.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one device has not acknowledged yet, in arrival order, backed by an append-only log that
 * is forced to disk before an enqueue or ack returns, so that a crash or restart of the sandbox
 * loses nothing the network already accepted.
 *
 * <p>Log format, one record per line: {@code + <deliveryId> <base64 stanza>} when queued,
 * {@code - <deliveryId>} when acknowledged. Replaying the log in order rebuilds the queue. When
 * the queue runs empty the log is truncated, which keeps it from growing without bound.
 */
public final class DeviceQueue implements AutoCloseable {

    private final Path file;
    private final Map<String, byte[]> pending = new LinkedHashMap<>();
    private FileChannel log;

    private DeviceQueue(Path file) {
        this.file = file;
    }

    static DeviceQueue open(Path file) {
        DeviceQueue queue = new DeviceQueue(file);
        try {
            if (Files.exists(file)) {
                queue.replay();
            }
            queue.log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the queue " + file, e);
        }
        return queue;
    }

    private void replay() throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("+")) {
                    pending.put(parts[1], Base64.getDecoder().decode(parts[2]));
                } else if (parts.length == 2 && parts[0].equals("-")) {
                    pending.remove(parts[1]);
                }
                // anything else is a record torn by a crash mid-write: it was never acknowledged to anyone
            }
        }
    }

    public synchronized void enqueue(String deliveryId, byte[] encodedStanza) {
        if (deliveryId.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("delivery ids have no spaces");
        }
        append("+ " + deliveryId + " " + Base64.getEncoder().encodeToString(encodedStanza) + "\n");
        pending.put(deliveryId, encodedStanza.clone());
    }

    /** @return true if the delivery was waiting (a repeated ack is harmless) */
    public synchronized boolean acknowledge(String deliveryId) {
        if (!pending.containsKey(deliveryId)) {
            return false;
        }
        pending.remove(deliveryId);
        if (pending.isEmpty()) {
            truncate();
        } else {
            append("- " + deliveryId + "\n");
        }
        return true;
    }

    public synchronized List<QueuedDelivery> pending() {
        List<QueuedDelivery> all = new ArrayList<>(pending.size());
        pending.forEach((id, bytes) -> all.add(new QueuedDelivery(id, bytes)));
        return all;
    }

    public synchronized int size() {
        return pending.size();
    }

    private void append(String record) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(record.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                log.write(bytes);
            }
            log.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the queue " + file, e);
        }
    }

    private void truncate() {
        try {
            log.truncate(0);
            log.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate the queue " + file, e);
        }
    }

    /** The device was removed: its undelivered messages go with it. */
    synchronized void delete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the queue " + file, e);
        }
        pending.clear();
    }

    @Override
    public synchronized void close() {
        try {
            if (log != null && log.isOpen()) {
                log.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the queue " + file, e);
        }
    }
}
