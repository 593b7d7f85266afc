package com.teaminbox.bridge.benchmarks;

import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.noise.HandshakeState;
import com.teaminbox.bridge.noise.NoiseHandshakeException;
import com.teaminbox.bridge.noise.TransportSession;
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

/** Cost of one transport frame after the handshake: what every stanza to and from the server pays. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NoiseTransportBenchmark {

    @Param({"1024"})
    public int payloadLength;

    private TransportSession client;
    private TransportSession server;
    private byte[] payload;

    @Setup
    public void handshake() throws NoiseHandshakeException {
        SecureRandom random = new SecureRandom();
        byte[] prologue = new byte[0];
        HandshakeState initiator = HandshakeState.initiator(prologue, X25519.generateKeyPair(random), random);
        HandshakeState responder = HandshakeState.responder(prologue, X25519.generateKeyPair(random), random);
        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(new byte[0]));
        responder.readMessage(initiator.writeMessage(new byte[0]));
        client = initiator.split();
        server = responder.split();
        payload = new byte[payloadLength];
        random.nextBytes(payload);
    }

    @Benchmark
    public byte[] encrypt() {
        return client.encrypt(payload);
    }

    /** Sender and receiver counters advance together, so every frame authenticates. */
    @Benchmark
    public byte[] encryptThenDecrypt() throws AuthenticationFailedException {
        return server.decrypt(client.encrypt(payload));
    }
}
