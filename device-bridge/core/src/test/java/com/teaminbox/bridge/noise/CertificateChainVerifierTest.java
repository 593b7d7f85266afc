package com.teaminbox.bridge.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.noise.ServerCertificateException.Reason;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CertificateChainVerifierTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final long ROOT_SERIAL = 0;

    private final X25519KeyPair root = X25519.generateKeyPair(RANDOM);
    private final X25519KeyPair intermediateKey = X25519.generateKeyPair(RANDOM);
    private final X25519KeyPair serverStatic = X25519.generateKeyPair(RANDOM);
    private final CertificateChainVerifier verifier = new CertificateChainVerifier(ROOT_SERIAL, root.publicKey());

    @Test
    void acceptsAChainToThePinnedRootForTheHandshakeKey() throws Exception {
        ServerCertificateChain chain = chain(root, ROOT_SERIAL, 7, NOW.plus(Duration.ofDays(1)));
        assertDoesNotThrow(() -> verifier.verify(chain, serverStatic.publicKey(), NOW));
        // And after a trip through the wire encoding.
        byte[] encoded = chain.encode();
        assertDoesNotThrow(() -> verifier.verify(encoded, serverStatic.publicKey(), NOW));
        assertArrayEquals(encoded, ServerCertificateChain.decode(encoded).encode());
    }

    @Test
    void chainFromAnotherRootIsUntrusted() {
        X25519KeyPair otherRoot = X25519.generateKeyPair(RANDOM);
        ServerCertificateChain chain = chain(otherRoot, 99, 7, NOW.plus(Duration.ofDays(1)));
        assertReason(Reason.UNTRUSTED_ROOT, chain, serverStatic.publicKey(), NOW);
    }

    @Test
    void leafNotIssuedByTheIntermediateIsUntrusted() {
        ServerCertificate intermediate = intermediate(root, ROOT_SERIAL, 7, NOW.plus(Duration.ofDays(1)));
        ServerCertificate leaf = ServerCertificate.issue(new CertificateDetails(8, 6, serverStatic.publicKey(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1))), intermediateKey.privateKey(), RANDOM);
        assertReason(Reason.UNTRUSTED_ROOT, new ServerCertificateChain(intermediate, leaf), serverStatic.publicKey(), NOW);
    }

    @Test
    void rootSerialSignedByAnotherKeyIsABadSignature() {
        X25519KeyPair impostor = X25519.generateKeyPair(RANDOM);
        ServerCertificateChain chain = chain(impostor, ROOT_SERIAL, 7, NOW.plus(Duration.ofDays(1)));
        assertReason(Reason.BAD_SIGNATURE, chain, serverStatic.publicKey(), NOW);
    }

    @Test
    void alteredSignaturesAreRejected() {
        ServerCertificateChain chain = chain(root, ROOT_SERIAL, 7, NOW.plus(Duration.ofDays(1)));
        ServerCertificateChain badIntermediate = new ServerCertificateChain(chain.intermediate().withSignatureByteFlipped(3), chain.leaf());
        ServerCertificateChain badLeaf = new ServerCertificateChain(chain.intermediate(), chain.leaf().withSignatureByteFlipped(40));
        assertReason(Reason.BAD_SIGNATURE, badIntermediate, serverStatic.publicKey(), NOW);
        assertReason(Reason.BAD_SIGNATURE, badLeaf, serverStatic.publicKey(), NOW);
    }

    @Test
    void alteredDetailsBytesBreakTheSignature() throws Exception {
        byte[] encoded = chain(root, ROOT_SERIAL, 7, NOW.plus(Duration.ofDays(1))).encode();
        // Move the leaf's not-after by one second: still well-formed, no longer what was signed.
        int leafNotAfterLastByte = encoded.length - 64 - 1 - 1;
        encoded[leafNotAfterLastByte] ^= 1;
        ServerCertificateException e = assertThrows(ServerCertificateException.class,
                () -> verifier.verify(encoded, serverStatic.publicKey(), NOW));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void expiredAndNotYetValidCertificatesAreRejected() {
        ServerCertificateChain chain = chain(root, ROOT_SERIAL, 7, NOW.plus(Duration.ofDays(1)));
        assertReason(Reason.EXPIRED, chain, serverStatic.publicKey(), NOW.plus(Duration.ofDays(2)));
        assertReason(Reason.EXPIRED, chain, serverStatic.publicKey(), NOW.minus(Duration.ofDays(2)));
        // The leaf alone expired while the intermediate is still valid.
        ServerCertificate intermediate = intermediate(root, ROOT_SERIAL, 7, NOW.plus(Duration.ofDays(30)));
        ServerCertificate shortLeaf = ServerCertificate.issue(new CertificateDetails(8, 7, serverStatic.publicKey(),
                NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofSeconds(1))), intermediateKey.privateKey(), RANDOM);
        assertReason(Reason.EXPIRED, new ServerCertificateChain(intermediate, shortLeaf), serverStatic.publicKey(), NOW);
    }

    @Test
    void leafForAnotherKeyIsAMismatch() {
        ServerCertificateChain chain = chain(root, ROOT_SERIAL, 7, NOW.plus(Duration.ofDays(1)));
        assertReason(Reason.KEY_MISMATCH, chain, X25519.generateKeyPair(RANDOM).publicKey(), NOW);
    }

    @Test
    void strictEncodingRejectsAnythingElse() {
        byte[] encoded = chain(root, ROOT_SERIAL, 7, NOW.plus(Duration.ofDays(1))).encode();
        assertMalformed(new byte[0]);
        assertMalformed(Arrays.copyOf(encoded, encoded.length - 1));
        assertMalformed(Arrays.copyOf(encoded, encoded.length + 1));
        byte[] wrongVersion = encoded.clone();
        wrongVersion[0] = 2;
        assertMalformed(wrongVersion);
        byte[] wrongDetailsVersion = encoded.clone();
        wrongDetailsVersion[3] = 9; // version byte of the intermediate's details
        assertMalformed(wrongDetailsVersion);
        byte[] wrongDetailsLength = encoded.clone();
        wrongDetailsLength[2] = 57;
        assertMalformed(wrongDetailsLength);
        for (int cut = 0; cut < encoded.length; cut += 5) {
            assertMalformed(Arrays.copyOf(encoded, cut));
        }
    }

    @Test
    void reasonsCarryStableCodes() {
        assertEquals("untrusted-root", Reason.UNTRUSTED_ROOT.code());
        assertEquals("bad-signature", Reason.BAD_SIGNATURE.code());
        assertEquals("expired", Reason.EXPIRED.code());
        assertEquals("key-mismatch", Reason.KEY_MISMATCH.code());
    }

    private void assertReason(Reason expected, ServerCertificateChain chain, byte[] remoteStatic, Instant at) {
        ServerCertificateException e = assertThrows(ServerCertificateException.class, () -> verifier.verify(chain, remoteStatic, at));
        assertEquals(expected, e.reason(), e.getMessage());
    }

    private static void assertMalformed(byte[] encoded) {
        ServerCertificateException e = assertThrows(ServerCertificateException.class, () -> ServerCertificateChain.decode(encoded));
        assertEquals(Reason.MALFORMED, e.reason());
    }

    private ServerCertificate intermediate(X25519KeyPair issuer, long issuerSerial, long serial, Instant notAfter) {
        return ServerCertificate.issue(new CertificateDetails(serial, issuerSerial, intermediateKey.publicKey(),
                NOW.minus(Duration.ofDays(1)), notAfter), issuer.privateKey(), RANDOM);
    }

    private ServerCertificateChain chain(X25519KeyPair issuer, long issuerSerial, long intermediateSerial, Instant notAfter) {
        ServerCertificate intermediate = intermediate(issuer, issuerSerial, intermediateSerial, notAfter);
        ServerCertificate leaf = ServerCertificate.issue(new CertificateDetails(intermediateSerial + 1, intermediateSerial,
                serverStatic.publicKey(), NOW.minus(Duration.ofDays(1)), notAfter), intermediateKey.privateKey(), RANDOM);
        return new ServerCertificateChain(intermediate, leaf);
    }
}
