package com.teaminbox.bridge.benchmarks;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.linking.PairingCode;
import com.teaminbox.bridge.linking.PairingCodeKeyWrap;
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
 * One pairing-code key wrap: PBKDF2-HMAC-SHA256 with 2^17 iterations dominates it, on
 * purpose (it is what makes guessing the 8-character code expensive). Each side of a
 * pairing-code link pays it once or twice.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PairingCodeKeyWrapBenchmark {

    private final SecureRandom random = new SecureRandom();
    private PairingCode code;
    private byte[] ephemeralPublicKey;

    @Setup
    public void keys() {
        code = PairingCode.generate(random);
        ephemeralPublicKey = X25519.generateKeyPair(random).publicKey();
    }

    @Benchmark
    public byte[] wrap() {
        return PairingCodeKeyWrap.wrap(code, ephemeralPublicKey, random);
    }
}
