package com.teaminbox.bridge.benchmarks;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.noise.HandshakeState;
import com.teaminbox.bridge.noise.NoiseHandshakeException;
import com.teaminbox.bridge.noise.TransportSession;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A full XX handshake, both sides: what each (re)connect of a companion costs the two ends. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NoiseHandshakeBenchmark {

    private final SecureRandom random = new SecureRandom();
    private X25519KeyPair clientStatic;
    private X25519KeyPair serverStatic;

    @Setup
    public void keys() {
        clientStatic = X25519.generateKeyPair(random);
        serverStatic = X25519.generateKeyPair(random);
    }

    @Benchmark
    public TransportSession fullHandshake() throws NoiseHandshakeException {
        HandshakeState initiator = HandshakeState.initiator(new byte[0], clientStatic, random);
        HandshakeState responder = HandshakeState.responder(new byte[0], serverStatic, random);
        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(new byte[0]));
        responder.readMessage(initiator.writeMessage(new byte[0]));
        responder.split();
        return initiator.split();
    }
}
