package com.teaminbox.sandbox.server;

import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import com.teaminbox.bridge.noise.FrameCodec;
import com.teaminbox.bridge.noise.FrameTooLargeException;
import com.teaminbox.bridge.noise.HandshakeState;
import com.teaminbox.bridge.noise.NetworkPrologue;
import com.teaminbox.bridge.noise.NoiseHandshakeException;
import com.teaminbox.bridge.noise.TransportSession;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaCodec;
import com.teaminbox.bridge.stanza.StanzaField;
import com.teaminbox.bridge.stanza.StanzaFormatException;
import com.teaminbox.bridge.stanza.StanzaType;
import com.teaminbox.sandbox.linking.CompanionLine;
import com.teaminbox.sandbox.linking.LinkingSession;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.java_websocket.WebSocket;

/**
 * The network's end of one device connection: the Noise XX handshake as responder (our
 * certificate chain in the second message, the device's login in the third), then encrypted
 * stanzas. Before login a frame may be at most 64 KiB, so an unauthenticated peer cannot make
 * the server buffer much.
 */
public final class DeviceSession implements CompanionLine {

    private static final int MAX_FRAME_BEFORE_LOGIN = 64 * 1024;

    private final WebSocket socket;
    private final Switchboard switchboard;
    private final HandshakeState handshake;
    private final byte[] chain;
    private FrameCodec frames = new FrameCodec(MAX_FRAME_BEFORE_LOGIN);
    private final FrameCodec outgoing = new FrameCodec();
    private TransportSession transport;
    private volatile DeviceAddress address;
    private volatile LinkingSession linking;
    private volatile boolean closed;

    DeviceSession(WebSocket socket, Switchboard switchboard, ServerIdentity identity, SecureRandom random) {
        this.socket = socket;
        this.switchboard = switchboard;
        this.handshake = HandshakeState.responder(NetworkPrologue.bytes(), identity.staticKey(), random);
        this.chain = identity.encodedChain();
    }

    /** Bytes from the socket, in order, on one thread at a time. */
    void received(ByteBuffer bytes) {
        try {
            for (byte[] frame : frames.decode(bytes)) {
                if (closed) {
                    return;
                }
                frame(frame);
            }
        } catch (FrameTooLargeException | NoiseHandshakeException | AuthenticationFailedException
                 | StanzaFormatException e) {
            // A peer that breaks the framing, the handshake or the codec gets no second chance.
            end(400, "bad-request");
        }
    }

    private void frame(byte[] frame) throws NoiseHandshakeException, AuthenticationFailedException, StanzaFormatException {
        if (transport == null) {
            if (handshake.isMyTurn()) {
                throw new NoiseHandshakeException("unexpected frame during the handshake");
            }
            byte[] payload = handshake.readMessage(frame);
            if (!handshake.isComplete()) {
                send(handshake.writeMessage(chain));
                return;
            }
            transport = handshake.split();
            frames = new FrameCodec();
            Stanza login = StanzaCodec.decode(payload);
            switchboard.loggingIn(this, login, transport.remoteStaticKey());
            return;
        }
        switchboard.received(this, StanzaCodec.decode(transport.decrypt(frame)));
    }

    @Override
    public void send(Stanza stanza) {
        try {
            sendPlain(StanzaCodec.encode(stanza));
        } catch (StanzaFormatException e) {
            throw new IllegalArgumentException("cannot encode " + stanza, e);
        }
    }

    /** An already encoded stanza (as kept in a queue). */
    void sendPlain(byte[] encodedStanza) {
        synchronized (this) {
            if (closed || transport == null) {
                return;
            }
            send(transport.encrypt(encodedStanza));
        }
    }

    private void send(byte[] payload) {
        try {
            if (socket.isOpen()) {
                socket.send(outgoing.encode(payload));
            }
        } catch (FrameTooLargeException e) {
            throw new IllegalArgumentException("stanza too large", e);
        } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
            closed = true;
        }
    }

    @Override
    public void end(int code, String reason) {
        if (transport != null && !closed) {
            send(Stanza.builder(StanzaType.STREAM_ERROR, "end").number(StanzaField.CODE, code)
                    .text(StanzaField.REASON, reason).build());
        }
        closeQuietly();
    }

    /** A refusal at login uses login-failure rather than a stream error. */
    void refuseLogin(int code, String reason) {
        send(Stanza.builder(StanzaType.LOGIN_FAILURE, "login").number(StanzaField.CODE, code)
                .text(StanzaField.REASON, reason).build());
        closeQuietly();
    }

    /** Cuts the connection without a word, as a network failure would. */
    void cut() {
        closed = true;
        socket.closeConnection(1006, "cut");
    }

    void closeQuietly() {
        closed = true;
        socket.close(1000, "bye");
    }

    boolean isClosed() {
        return closed || !socket.isOpen();
    }

    DeviceAddress address() {
        return address;
    }

    void loggedInAs(DeviceAddress device) {
        this.address = device;
    }

    LinkingSession linking() {
        return linking;
    }

    void linkingAs(LinkingSession session) {
        this.linking = session;
    }

    @Override
    public String toString() {
        return "DeviceSession[" + (address != null ? address : linking != null ? "linking" : "handshake") + "]";
    }
}
