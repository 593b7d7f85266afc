package com.teaminbox.bridge.linking;

import com.teaminbox.bridge.crypto.InvalidPublicKeyException;
import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.linking.CompanionLinkingState.Connecting;
import com.teaminbox.bridge.linking.CompanionLinkingState.Failed;
import com.teaminbox.bridge.linking.CompanionLinkingState.Linked;
import com.teaminbox.bridge.linking.CompanionLinkingState.ShowingQr;
import com.teaminbox.bridge.linking.CompanionLinkingState.Verifying;
import com.teaminbox.bridge.linking.CompanionLinkingState.WaitingForCode;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The companion's side of one link attempt, by QR code or by pairing code. A pure state
 * machine: the caller feeds in what the server sent and the current time, and sends on what
 * the methods return. Not thread-safe; one attempt per instance.
 */
public final class CompanionLinking {

    static final Duration FIRST_REF_LIFETIME = Duration.ofSeconds(60);
    static final Duration LATER_REF_LIFETIME = Duration.ofSeconds(20);

    private final CompanionKeys keys;
    private final SecureRandom random;
    private CompanionLinkingState state = new Connecting();

    // QR path
    private List<String> refs = List.of();
    private int refIndex;
    private Instant refExpiresAt;

    // pairing-code path
    private PairingCode code;
    private String phoneNumber;
    private X25519KeyPair ephemeral;
    private byte[] expectedPrimaryIdentity;

    private AdvSecret advSecret;
    private LinkedDevice linked;

    public CompanionLinking(CompanionKeys keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    public CompanionLinkingState state() {
        return state;
    }

    /** For tests and diagnostics in this package: the secret shared with the primary, once there is one. */
    AdvSecret advSecret() {
        return advSecret;
    }

    // ------------------------------------------------------------------ QR code

    /** The server's qr-refs arrived: show the first one for 60 s, each next one for 20 s. */
    public void onRefs(List<String> serverRefs, Instant now) {
        if (!(state instanceof Connecting)) {
            violation("refs arrived while " + state.getClass().getSimpleName());
            return;
        }
        if (serverRefs.isEmpty()) {
            fail(LinkingException.Kind.PROTOCOL_VIOLATION, "the server sent no refs");
            return;
        }
        refs = List.copyOf(serverRefs);
        refIndex = 0;
        refExpiresAt = now.plus(FIRST_REF_LIFETIME);
        advSecret = AdvSecret.random(random);
        showCurrentRef(now);
    }

    /** Time passed: rotate to the next ref when the current one expired; fail when none is left. */
    public void tick(Instant now) {
        if (!(state instanceof ShowingQr)) {
            return;
        }
        while (!now.isBefore(refExpiresAt)) {
            refIndex++;
            if (refIndex >= refs.size()) {
                fail(LinkingException.Kind.EXPIRED, "no QR code was scanned in time");
                return;
            }
            refExpiresAt = refExpiresAt.plus(LATER_REF_LIFETIME);
        }
        showCurrentRef(now);
    }

    private void showCurrentRef(Instant now) {
        QrCode qr = new QrCode(refs.get(refIndex), keys.noise().publicKey(), keys.identity().publicKey(),
                advSecret, keys.platform());
        state = new ShowingQr(qr.text(), refIndex + 1, refs.size(), Duration.between(now, refExpiresAt));
    }

    // ------------------------------------------------------------------ pairing code

    /**
     * Start linking by code for the account with this phone number. Returns what to send to the
     * server; the code to show is in the new {@link WaitingForCode} state.
     */
    public PairCodeHello requestPairingCode(String accountPhoneNumber) {
        if (!(state instanceof Connecting)) {
            throw new IllegalStateException("a pairing code can only be requested before anything else happened");
        }
        phoneNumber = Objects.requireNonNull(accountPhoneNumber, "accountPhoneNumber");
        code = PairingCode.generate(random);
        ephemeral = X25519.generateKeyPair(random);
        byte[] wrapped = PairingCodeKeyWrap.wrap(code, ephemeral.publicKey(), random);
        state = new WaitingForCode(code);
        return new PairCodeHello(phoneNumber, wrapped, keys.noise().publicKey(), keys.platform());
    }

    /**
     * The owner typed the code and the primary answered. Returns the key bundle for
     * pair-code-finish. Fails the attempt if the primary's message is unusable.
     */
    public byte[] onPrimaryHello(PrimaryHello hello) throws LinkingException {
        if (!(state instanceof WaitingForCode)) {
            throw violation("primary hello arrived while " + state.getClass().getSimpleName());
        }
        try {
            byte[] primaryEphemeral = PairingCodeKeyWrap.unwrap(code, hello.wrappedEphemeralKey());
            byte[] primaryIdentity = hello.identityPublicKey();
            byte[] s1 = X25519.agree(ephemeral.privateKey(), primaryEphemeral);
            byte[] s2 = X25519.agree(keys.identity().privateKey(), primaryIdentity);
            byte[] random32 = new byte[32];
            random.nextBytes(random32);
            byte[] bundle = PairingKeyBundle.seal(s1,
                    new PairingKeyBundle.Contents(keys.identity().publicKey(), primaryIdentity, random32), random);
            advSecret = AdvSecret.fromPairing(s1, s2, random32);
            expectedPrimaryIdentity = primaryIdentity;
            return bundle;
        } catch (InvalidPublicKeyException e) {
            throw fail(LinkingException.Kind.PROTOCOL_VIOLATION, "the primary sent an unusable key");
        } catch (LinkingException e) {
            throw fail(e.kind(), e.getMessage());
        }
    }

    // ------------------------------------------------------------------ both paths

    /**
     * The primary approved us. Checks the HMAC and the account signature, then returns the
     * identity with our device signature, to send back in pair-device-sign.
     *
     * @throws LinkingException HMAC_MISMATCH, SIGNATURE_MISMATCH, MALFORMED_IDENTITY or
     *                          PROTOCOL_VIOLATION; the attempt is then {@link Failed}
     */
    public SignedDeviceIdentity onPairSuccess(PairSuccess success) throws LinkingException {
        if (advSecret == null || !(state instanceof ShowingQr || state instanceof WaitingForCode)) {
            throw violation("pair-success arrived while " + state.getClass().getSimpleName());
        }
        try {
            SignedDeviceIdentity signed = SignedDeviceIdentity.decode(success.signedIdentity());
            SignedDeviceIdentity countersigned =
                    DeviceIdentity.verifyAndCountersign(signed, advSecret, keys.identity(), random);
            DeviceIdentityDetails details = DeviceIdentityDetails.decode(signed.detailsBytes());
            if (details.deviceId() != success.deviceId()) {
                throw new LinkingException(LinkingException.Kind.PROTOCOL_VIOLATION,
                        "the server's device id differs from the one the primary signed");
            }
            if (phoneNumber != null && !phoneNumber.equals(details.accountId())) {
                throw new LinkingException(LinkingException.Kind.PROTOCOL_VIOLATION,
                        "the primary belongs to another account than the one asked for");
            }
            if (expectedPrimaryIdentity != null
                    && !MessageDigest.isEqual(expectedPrimaryIdentity, signed.accountSignatureKey())) {
                throw new LinkingException(LinkingException.Kind.SIGNATURE_MISMATCH,
                        "signed by another identity than the primary that took the pairing code");
            }
            linked = new LinkedDevice(details.accountId(), details.deviceId(), details.keyIndex(),
                    signed.accountSignatureKey(), countersigned, success.businessName(), success.platform());
            state = new Verifying(details.deviceId());
            return countersigned;
        } catch (LinkingException e) {
            throw fail(e.kind(), e.getMessage());
        }
    }

    /** The server closed the linking stream with restart-required: the link is complete. */
    public void onRestartRequired() {
        if (!(state instanceof Verifying)) {
            violation("restart-required arrived before the link was verified");
            return;
        }
        state = new Linked(linked);
    }

    /** The server ended the attempt (stream error, too many attempts, connection lost for good). */
    public void onServerError(String reason) {
        if (!(state instanceof Linked) && !(state instanceof Failed)) {
            fail(LinkingException.Kind.SERVER_ERROR, reason);
        }
    }

    private LinkingException violation(String message) {
        return fail(LinkingException.Kind.PROTOCOL_VIOLATION, message);
    }

    private LinkingException fail(LinkingException.Kind kind, String message) {
        String reason = message.startsWith(kind.code() + ": ") ? message.substring(kind.code().length() + 2) : message;
        if (!(state instanceof Failed) && !(state instanceof Linked)) {
            state = new Failed(kind, reason);
        }
        ephemeral = null;
        return new LinkingException(kind, reason);
    }
}
