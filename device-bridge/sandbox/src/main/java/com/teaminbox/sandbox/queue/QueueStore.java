package com.teaminbox.sandbox.queue;

import com.teaminbox.bridge.stanza.DeviceAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The per-device queues, one log file each under {@code dataDir/queues/<account>-<device>.log}. */
public final class QueueStore implements AutoCloseable {

    private final Path directory;
    private final Map<DeviceAddress, DeviceQueue> queues = new HashMap<>();

    public QueueStore(Path dataDir) {
        this.directory = dataDir.resolve("queues");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    public synchronized DeviceQueue of(DeviceAddress device) {
        return queues.computeIfAbsent(device,
                d -> DeviceQueue.open(directory.resolve(d.account() + "-" + d.device() + ".log")));
    }

    public synchronized void delete(DeviceAddress device) {
        of(device).delete();
        queues.remove(device);
    }

    @Override
    public synchronized void close() {
        queues.values().forEach(DeviceQueue::close);
        queues.clear();
    }
}
