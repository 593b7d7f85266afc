package com.teaminbox.sandbox.linking;

import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaField;
import com.teaminbox.bridge.stanza.StanzaType;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network's side of linking before an account is involved: hands out QR refs and pairing-code
 * refs to unregistered companions, finds the attempt the phone is scanning or typing a code for,
 * counts wrong codes and ends attempts whose refs or code ran out. Not thread-safe: the
 * switchboard serialises use.
 */
public final class LinkingDesk {

    /** The protocol's "about six" refs: 60 s + 5 × 20 s = 160 s to scan. */
    public static final int REF_COUNT = 6;
    private static final int STREAM_TIMEOUT = 408;
    private static final int TOO_MANY = 429;

    private final SecureRandom random;
    private final Duration pairingCodeLifetime;
    private final int maxWrongCodes;
    private final Map<LinkingSession, Boolean> sessions = new LinkedHashMap<>();

    public LinkingDesk(SecureRandom random, Duration pairingCodeLifetime, int maxWrongCodes) {
        this.random = random;
        this.pairingCodeLifetime = pairingCodeLifetime;
        this.maxWrongCodes = maxWrongCodes;
    }

    /** An unregistered companion logged in: give it its refs (it shows them, or asks for a code instead). */
    public LinkingSession open(CompanionLine line, LinkRequest request, Instant now) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < REF_COUNT; i++) {
            refs.add(newRef());
        }
        LinkingSession session = new LinkingSession(line, request, now, refs);
        sessions.put(session, Boolean.TRUE);
        line.send(Stanza.builder(StanzaType.QR_REFS, "refs").texts(StanzaField.REFS, refs).build());
        return session;
    }

    /** The companion asked for a pairing code for {@code accountNumber} instead of showing QR codes. */
    public void pairingCodeRequested(LinkingSession session, String accountNumber, byte[] wrappedKey, String stanzaId) {
        String ref = newRef();
        session.pairingCodeRequested(ref, accountNumber, wrappedKey);
        session.line().send(Stanza.builder(StanzaType.PAIR_CODE_REF, stanzaId).text(StanzaField.REF, ref).build());
    }

    public void keyBundleArrived(LinkingSession session, String ref, byte[] bundle) {
        if (ref.equals(session.codeRef())) {
            session.keyBundleArrived(bundle);
        }
    }

    /** The attempt whose QR text carries this ref, while that ref is still shown. */
    public Optional<LinkingSession> byQrRef(String ref, Instant now) {
        return sessions.keySet().stream()
                .filter(s -> !s.isPairingCode() && s.approval() == null && s.refs().contains(ref)
                        && now.isBefore(s.refsRunOutAt()))
                .findFirst();
    }

    /** The newest open pairing-code attempt for the account: the one whose code the owner is typing. */
    public Optional<LinkingSession> latestCodeAttempt(String accountNumber) {
        LinkingSession latest = null;
        for (LinkingSession session : sessions.keySet()) {
            if (session.isPairingCode() && accountNumber.equals(session.codeAccount()) && session.approval() == null) {
                latest = session;
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * The primary could not open the bundle: the typed code was wrong. After too many, the
     * attempt ends so that codes cannot be guessed.
     *
     * @return the number of wrong codes so far
     */
    public int wrongCode(LinkingSession session) {
        int wrong = session.codeFailed();
        if (wrong >= maxWrongCodes) {
            close(session, TOO_MANY, "too-many-pairing-attempts");
        }
        return wrong;
    }

    public int maxWrongCodes() {
        return maxWrongCodes;
    }

    public void close(LinkingSession session, int code, String reason) {
        if (sessions.remove(session) != null) {
            session.line().end(code, reason);
        }
    }

    /** The link completed (or the connection went away): forget it without a stream error. */
    public void forget(LinkingSession session) {
        sessions.remove(session);
    }

    /** Ends attempts whose last QR ref expired or whose pairing code is too old. */
    public void sweep(Instant now) {
        for (Iterator<LinkingSession> it = new ArrayList<>(sessions.keySet()).iterator(); it.hasNext(); ) {
            LinkingSession session = it.next();
            if (session.approval() != null) {
                continue;
            }
            if (session.isPairingCode() && !now.isBefore(session.startedAt().plus(pairingCodeLifetime))) {
                close(session, STREAM_TIMEOUT, "pairing-code-expired");
            } else if (!session.isPairingCode() && !now.isBefore(session.refsRunOutAt())) {
                close(session, STREAM_TIMEOUT, "qr-refs-expired");
            }
        }
    }

    private String newRef() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "ref-" + HexFormat.of().formatHex(bytes);
    }
}
