package com.teaminbox.bridge.benchmarks;

import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.signal.CiphertextMessage;
import com.teaminbox.bridge.signal.SessionBuilder;
import com.teaminbox.bridge.signal.SessionCipher;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.memory.InMemorySignalProtocolStore;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One chat message through an established Signal session: encrypt on one device, decrypt on the
 * other. Includes loading and storing the session record as bytes, as a database-backed store does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionCipherBenchmark {

    private final SecureRandom random = new SecureRandom();
    private SessionCipher aliceToBob;
    private SessionCipher bobFromAlice;
    private byte[] message;

    @Setup
    public void establish() throws Exception {
        SignalAddress aliceAddress = new SignalAddress("alice", 1);
        SignalAddress bobAddress = new SignalAddress("bob", 0);
        DeviceKeys bobKeys = DeviceKeys.generate(random, 1, 1, 1, 0);
        InMemorySignalProtocolStore alice = InMemorySignalProtocolStore.of(DeviceKeys.generate(random, 1, 1, 1, 0));
        InMemorySignalProtocolStore bob = InMemorySignalProtocolStore.of(bobKeys);
        new SessionBuilder(alice, bobAddress, random).process(bobKeys.bundle(0, bobKeys.oneTimePreKeys().get(0)));
        aliceToBob = new SessionCipher(alice, bobAddress, random);
        bobFromAlice = new SessionCipher(bob, aliceAddress, random);
        SessionCipher bobToAlice = new SessionCipher(bob, aliceAddress, random);
        SessionCipher aliceFromBob = new SessionCipher(alice, bobAddress, random);
        bobFromAlice.decrypt(aliceToBob.encrypt(new byte[] {1}));
        aliceFromBob.decrypt(bobToAlice.encrypt(new byte[] {2})); // past the prekey phase
        message = new byte[200];
        random.nextBytes(message);
    }

    @Benchmark
    public byte[] encryptAndDecrypt200Bytes() throws Exception {
        CiphertextMessage ciphertext = aliceToBob.encrypt(message);
        return bobFromAlice.decrypt(ciphertext);
    }
}
