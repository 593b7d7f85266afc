package com.teaminbox.bridge.benchmarks;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.crypto.XEdDSA;
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
 * XEdDSA with an identity key: signing happens per signed prekey and per linked device,
 * verification per certificate and per device identity received.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class XEdDSABenchmark {

    private final SecureRandom random = new SecureRandom();
    private X25519KeyPair identity;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void keys() {
        identity = X25519.generateKeyPair(random);
        message = new byte[100];
        random.nextBytes(message);
        signature = XEdDSA.sign(identity.privateKey(), message, random);
    }

    @Benchmark
    public byte[] sign() {
        return XEdDSA.sign(identity.privateKey(), message, random);
    }

    @Benchmark
    public boolean verify() {
        return XEdDSA.verify(identity.publicKey(), message, signature);
    }
}
