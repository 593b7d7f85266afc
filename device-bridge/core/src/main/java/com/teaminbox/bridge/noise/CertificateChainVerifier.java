package com.teaminbox.bridge.noise;

import com.teaminbox.bridge.noise.ServerCertificateException.Reason;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * Decides whether a Noise peer is our server: its certificate chain must lead to the root key the
 * client pins in configuration, and the leaf must certify the static key the peer just proved
 * it holds in the handshake. Checks run in a fixed order (links, signatures, validity, key), so
 * the reported reason is the first thing wrong.
 */
public final class CertificateChainVerifier {

    private final long rootSerial;
    private final byte[] rootPublicKey;

    /**
     * @param rootSerial    the pinned root's serial, which the intermediate names as its issuer
     * @param rootPublicKey the pinned root's X25519 public key (the sandbox has its own root)
     */
    public CertificateChainVerifier(long rootSerial, byte[] rootPublicKey) {
        if (rootPublicKey == null || rootPublicKey.length != CertificateDetails.KEY_LENGTH) {
            throw new IllegalArgumentException("root public key must be 32 bytes");
        }
        this.rootSerial = rootSerial;
        this.rootPublicKey = rootPublicKey.clone();
    }

    public void verify(byte[] encodedChain, byte[] noiseRemoteStaticKey, Instant now) throws ServerCertificateException {
        verify(ServerCertificateChain.decode(encodedChain), noiseRemoteStaticKey, now);
    }

    public void verify(ServerCertificateChain chain, byte[] noiseRemoteStaticKey, Instant now) throws ServerCertificateException {
        CertificateDetails intermediate = chain.intermediate().details();
        CertificateDetails leaf = chain.leaf().details();

        if (intermediate.issuerSerial() != rootSerial) {
            throw new ServerCertificateException(Reason.UNTRUSTED_ROOT,
                    "intermediate " + intermediate.serial() + " was issued by " + intermediate.issuerSerial()
                            + ", not the pinned root " + rootSerial);
        }
        if (leaf.issuerSerial() != intermediate.serial()) {
            throw new ServerCertificateException(Reason.UNTRUSTED_ROOT,
                    "leaf " + leaf.serial() + " was not issued by intermediate " + intermediate.serial());
        }
        if (!chain.intermediate().isSignedBy(rootPublicKey)) {
            throw new ServerCertificateException(Reason.BAD_SIGNATURE, "intermediate signature does not verify under the pinned root");
        }
        if (!chain.leaf().isSignedBy(intermediate.key())) {
            throw new ServerCertificateException(Reason.BAD_SIGNATURE, "leaf signature does not verify under the intermediate");
        }
        if (!intermediate.isValidAt(now)) {
            throw new ServerCertificateException(Reason.EXPIRED, "intermediate not valid at " + now);
        }
        if (!leaf.isValidAt(now)) {
            throw new ServerCertificateException(Reason.EXPIRED, "leaf not valid at " + now);
        }
        if (noiseRemoteStaticKey == null || !MessageDigest.isEqual(leaf.key(), noiseRemoteStaticKey)) {
            throw new ServerCertificateException(Reason.KEY_MISMATCH, "leaf certifies a different key than the handshake used");
        }
    }
}
