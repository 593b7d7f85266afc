package com.teaminbox.bridge.linking;

import com.teaminbox.bridge.crypto.InvalidPublicKeyException;
import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;

/**
 * The primary phone's side of linking (used by the sandbox's simulated phone and by tests):
 * scan a QR text or take a typed pairing code, then sign the new companion's identity and a
 * new key-index list. Pure: no network, time passed in. One pairing-code exchange per instance.
 */
public final class PrimaryLinking {

    private final String accountId;
    private final X25519KeyPair primaryIdentity;
    private final SecureRandom random;
    private KeyIndexList keyIndexes;

    // pairing-code exchange in progress
    private X25519KeyPair ephemeral;
    private byte[] companionEphemeral;
    private AdvSecret lastAdvSecret;

    public PrimaryLinking(String accountId, X25519KeyPair primaryIdentity, KeyIndexList keyIndexes, SecureRandom random) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.primaryIdentity = Objects.requireNonNull(primaryIdentity, "primaryIdentity");
        this.keyIndexes = Objects.requireNonNull(keyIndexes, "keyIndexes");
        this.random = Objects.requireNonNull(random, "random");
        if (!keyIndexes.accountId().equals(accountId)) {
            throw new IllegalArgumentException("key index list of another account");
        }
    }

    public KeyIndexList keyIndexes() {
        return keyIndexes;
    }

    /** The owner scanned a QR code; approve the companion as {@code newDeviceId}. */
    public LinkApproval approveQr(String qrText, int newDeviceId, Instant now) throws LinkingException {
        QrCode qr = QrCode.parse(qrText);
        return approve(qr.identityPublicKey(), qr.advSecret(), newDeviceId, now);
    }

    /**
     * The owner typed the code shown on the companion; the server forwarded the companion's
     * wrapped key. Returns what goes back to the companion.
     */
    public PrimaryHello enterPairingCode(String typedCode, byte[] companionWrappedKey) throws LinkingException {
        PairingCode code = PairingCode.parse(typedCode);
        companionEphemeral = PairingCodeKeyWrap.unwrap(code, companionWrappedKey);
        ephemeral = X25519.generateKeyPair(random);
        byte[] wrapped = PairingCodeKeyWrap.wrap(code, ephemeral.publicKey(), random);
        return new PrimaryHello(wrapped, primaryIdentity.publicKey());
    }

    /**
     * The companion's key bundle arrived: open it, derive the same adv secret as the companion
     * and approve it as {@code newDeviceId}.
     *
     * @throws LinkingException WRONG_PAIRING_CODE when the typed code was not the one shown
     */
    public LinkApproval onCompanionFinish(byte[] keyBundle, int newDeviceId, Instant now) throws LinkingException {
        if (ephemeral == null) {
            throw new IllegalStateException("no pairing code was entered");
        }
        try {
            byte[] s1 = X25519.agree(ephemeral.privateKey(), companionEphemeral);
            PairingKeyBundle.Contents contents = PairingKeyBundle.open(s1, keyBundle);
            if (!MessageDigest.isEqual(contents.primaryIdentityPublicKey(), primaryIdentity.publicKey())) {
                throw new LinkingException(LinkingException.Kind.SIGNATURE_MISMATCH,
                        "the companion's bundle names another primary identity");
            }
            byte[] s2 = X25519.agree(primaryIdentity.privateKey(), contents.companionIdentityPublicKey());
            AdvSecret advSecret = AdvSecret.fromPairing(s1, s2, contents.random());
            return approve(contents.companionIdentityPublicKey(), advSecret, newDeviceId, now);
        } catch (InvalidPublicKeyException e) {
            // A low-order point after unwrapping is another face of a wrong code.
            throw new LinkingException(LinkingException.Kind.WRONG_PAIRING_CODE,
                    "the code entered on the phone does not match the code shown on the device", e);
        } finally {
            ephemeral = null; // one try per exchange; the server limits how many exchanges there are
        }
    }

    /** The companion's countersigned identity came back: check it before trusting the device. */
    public DeviceIdentityDetails confirm(SignedDeviceIdentity countersigned, byte[] companionIdentityPublicKey)
            throws LinkingException {
        DeviceIdentityDetails details = DeviceIdentity.verifySignatures(countersigned, companionIdentityPublicKey);
        keyIndexes.requireListed(details);
        return details;
    }

    /** Unlink a companion everywhere by signing a list without its key index. */
    public SignedKeyIndexList unlink(long keyIndex, Instant now) {
        keyIndexes = keyIndexes.without(keyIndex, now.getEpochSecond());
        return SignedKeyIndexList.sign(keyIndexes, primaryIdentity, random);
    }

    /** For tests and the sandbox: the adv secret of the last approval. */
    AdvSecret lastAdvSecret() {
        return lastAdvSecret;
    }

    private LinkApproval approve(byte[] companionIdentity, AdvSecret advSecret, int newDeviceId, Instant now) {
        long keyIndex = keyIndexes.validIndexes().isEmpty() ? 1
                : keyIndexes.validIndexes().get(keyIndexes.validIndexes().size() - 1) + 1;
        DeviceIdentityDetails details = new DeviceIdentityDetails(accountId, newDeviceId, now.getEpochSecond(), keyIndex);
        SignedDeviceIdentity signed =
                DeviceIdentity.signAsPrimary(details, primaryIdentity, companionIdentity, advSecret, random);
        keyIndexes = keyIndexes.with(keyIndex, now.getEpochSecond());
        lastAdvSecret = advSecret;
        return new LinkApproval(signed, details, companionIdentity,
                SignedKeyIndexList.sign(keyIndexes, primaryIdentity, random));
    }
}
