package com.teaminbox.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.teaminbox.bridge.linking.KeyIndexList;
import com.teaminbox.sandbox.phone.SimulatedDeviceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The simulated world kept in {@code dataDir/simulation.json} when the sandbox stops: the business
 * phone (keys, sessions, key-index list) and the customers, so that a restart brings the same
 * phone and customers back instead of strangers with new keys.
 */
record SimulationRecord(Business business, List<Customer> customers) {

    record Business(String phoneNumber, SimulatedDeviceRecord device, KeyIndexList keyIndexes) {
    }

    record Customer(String phoneNumber, String name, List<SimulatedDeviceRecord> devices) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "simulation.json";

    static Optional<SimulationRecord> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), SimulationRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + file, e);
        }
    }

    void write(Path dataDir) {
        try {
            Path temporary = dataDir.resolve(FILE + ".tmp");
            JSON.writeValue(temporary.toFile(), this);
            Files.move(temporary, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulation to " + dataDir, e);
        }
    }
}
