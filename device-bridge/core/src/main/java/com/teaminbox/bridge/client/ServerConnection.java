package com.teaminbox.bridge.client;

import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.noise.CertificateChainVerifier;
import com.teaminbox.bridge.noise.HandshakeState;
import com.teaminbox.bridge.noise.NetworkPrologue;
import com.teaminbox.bridge.noise.NoiseHandshakeException;
import com.teaminbox.bridge.noise.ServerCertificateException;
import com.teaminbox.bridge.noise.TransportSession;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaCodec;
import com.teaminbox.bridge.stanza.StanzaFormatException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One WebSocket to the network: the Noise XX handshake as initiator (the server's certificate
 * chain checked against the pinned root, the login stanza in the third message), then encrypted
 * stanzas both ways. Every callback runs on the given executor, in arrival order. Sends are
 * chained, because a WebSocket takes the next message only once the previous one went out and
 * the Noise counters must go out in the order they were used.
 */
final class ServerConnection implements FrameTransport.Listener {

    interface Handler {
        void stanza(ServerConnection connection, Stanza stanza);

        void ended(ServerConnection connection, String why);
    }

    private final ClientSettings settings;
    private final HandshakeState handshake;
    private final Stanza login;
    private final Executor events;
    private final Handler handler;
    private final CompletableFuture<Void> established = new CompletableFuture<>();
    private volatile FrameTransport transport;
    private volatile TransportSession session;
    private volatile boolean ended;
    private CompletableFuture<Void> sendTail = CompletableFuture.completedFuture(null);

    private ServerConnection(ClientSettings settings, X25519KeyPair noiseKey, Stanza login, Executor events,
                             Handler handler, SecureRandom random) {
        this.settings = settings;
        this.handshake = HandshakeState.initiator(NetworkPrologue.bytes(), noiseKey, random);
        this.login = login;
        this.events = events;
        this.handler = handler;
    }

    /** Completes when the handshake is done and the login went out; the server's answer arrives as a stanza. */
    static CompletionStage<ServerConnection> open(HttpClient http, ClientSettings settings, X25519KeyPair noiseKey,
                                                  Stanza login, Executor events, Handler handler, SecureRandom random) {
        ServerConnection connection = new ServerConnection(settings, noiseKey, login, events, handler, random);
        // A server that accepts the socket but never answers (e.g. one that is shutting down)
        // must not leave the device hanging: past the request timeout the attempt fails and the
        // reconnect policy takes over.
        return WebSocketFrameTransport.open(http, settings.server(), connection)
                .thenCompose(transport -> connection.start(transport))
                .thenApply(ignored -> connection)
                .toCompletableFuture()
                .orTimeout(settings.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .whenComplete((opened, error) -> {
                    if (error != null) {
                        connection.close();
                    }
                });
    }

    private CompletionStage<Void> start(FrameTransport openTransport) {
        this.transport = openTransport;
        try {
            byte[] first = handshake.writeMessage(new byte[0]);
            synchronized (this) {
                sendTail = sendTail.thenCompose(ignored -> openTransport.send(first)).exceptionally(error -> null);
            }
        } catch (NoiseHandshakeException e) {
            established.completeExceptionally(e);
        }
        return established;
    }

    void send(Stanza stanza) {
        TransportSession current = session;
        if (current == null || ended) {
            throw new ClientException(ClientException.Kind.NOT_CONNECTED, "not connected");
        }
        byte[] plaintext;
        try {
            plaintext = StanzaCodec.encode(stanza);
        } catch (StanzaFormatException e) {
            throw new IllegalArgumentException("cannot encode " + stanza + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            byte[] ciphertext = current.encrypt(plaintext);
            sendTail = sendTail.thenCompose(ignored -> transport.send(ciphertext))
                    .exceptionally(error -> null);
        }
    }

    /**
     * Ends the connection after the frames already handed to it (an unlink, an ack) are written:
     * closing at once would let the close overtake them. A transport that does not finish
     * writing within two seconds is closed anyway.
     */
    void close() {
        ended = true;
        FrameTransport current = transport;
        if (current != null) {
            CompletableFuture<Void> written;
            synchronized (this) {
                written = sendTail;
            }
            written.copy().completeOnTimeout(null, 2, java.util.concurrent.TimeUnit.SECONDS)
                    .whenComplete((ignored, error) -> current.close());
        }
    }

    @Override
    public void onFrame(byte[] payload) {
        events.execute(() -> receive(payload));
    }

    @Override
    public void onClosed(int code, String reason) {
        events.execute(() -> end("closed by the server (" + code + (reason.isEmpty() ? "" : " " + reason) + ")"));
    }

    @Override
    public void onError(Throwable error) {
        events.execute(() -> end("connection failed: " + error.getMessage()));
    }

    private void receive(byte[] payload) {
        if (ended) {
            return;
        }
        try {
            if (session == null) {
                finishHandshake(payload);
                return;
            }
            Stanza stanza = StanzaCodec.decode(session.decrypt(payload));
            handler.stanza(this, stanza);
        } catch (NoiseHandshakeException | ServerCertificateException e) {
            established.completeExceptionally(new ClientException(ClientException.Kind.HANDSHAKE_FAILED,
                    "the server is not the network we trust: " + e.getMessage(), e));
            close();
        } catch (AuthenticationFailedException | StanzaFormatException e) {
            end("unreadable frame from the server: " + e.getMessage());
            close();
        }
    }

    private void finishHandshake(byte[] serverHello) throws NoiseHandshakeException, ServerCertificateException {
        byte[] chain = handshake.readMessage(serverHello);
        new CertificateChainVerifier(settings.rootSerial(), settings.rootPublicKey())
                .verify(chain, handshake.remoteStaticKey(), settings.clock().instant());
        byte[] loginPayload;
        try {
            loginPayload = StanzaCodec.encode(login);
        } catch (StanzaFormatException e) {
            throw new IllegalArgumentException("cannot encode the login: " + e.getMessage(), e);
        }
        byte[] third = handshake.writeMessage(loginPayload);
        session = handshake.split();
        synchronized (this) {
            sendTail = sendTail.thenCompose(ignored -> transport.send(third)).exceptionally(error -> null);
        }
        established.complete(null);
    }

    private void end(String why) {
        if (ended && established.isDone()) {
            return;
        }
        ended = true;
        if (!established.isDone()) {
            established.completeExceptionally(new ClientException(ClientException.Kind.NOT_CONNECTED, why));
            return;
        }
        handler.ended(this, why);
    }
}
