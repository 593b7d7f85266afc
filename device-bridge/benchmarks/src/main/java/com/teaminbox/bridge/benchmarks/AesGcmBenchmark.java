package com.teaminbox.bridge.benchmarks;

import com.teaminbox.bridge.crypto.AesGcm;
import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Raw AES-256-GCM through Bouncy Castle, to tell the cipher's cost from the Noise bookkeeping
 * around it. The nonce is fixed: acceptable only because nothing here is secret or sent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AesGcmBenchmark {

    @Param({"1024", "65536"})
    public int payloadLength;

    private final byte[] key = new byte[32];
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[0];
    private byte[] plaintext;
    private byte[] ciphertext;

    @Setup
    public void data() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        plaintext = new byte[payloadLength];
        random.nextBytes(plaintext);
        ciphertext = AesGcm.encrypt(key, nonce, plaintext, aad);
    }

    @Benchmark
    public byte[] encrypt() {
        return AesGcm.encrypt(key, nonce, plaintext, aad);
    }

    @Benchmark
    public byte[] decrypt() throws AuthenticationFailedException {
        return AesGcm.decrypt(key, nonce, ciphertext, aad);
    }
}
