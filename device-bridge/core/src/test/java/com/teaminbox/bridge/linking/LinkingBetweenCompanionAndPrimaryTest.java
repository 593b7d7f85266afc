package com.teaminbox.bridge.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.linking.CompanionLinkingState.Failed;
import com.teaminbox.bridge.linking.CompanionLinkingState.Linked;
import com.teaminbox.bridge.linking.CompanionLinkingState.ShowingQr;
import com.teaminbox.bridge.linking.CompanionLinkingState.Verifying;
import com.teaminbox.bridge.linking.CompanionLinkingState.WaitingForCode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both sides driven against each other in memory; the test plays the server in between. */
class LinkingBetweenCompanionAndPrimaryTest {

    private static final String ACCOUNT = "4915112345678";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final List<String> REFS = List.of("ref-1", "ref-2", "ref-3", "ref-4", "ref-5", "ref-6");

    private final SecureRandom random = new SecureRandom();
    private final X25519KeyPair primaryIdentity = X25519.generateKeyPair(random);
    private final CompanionKeys companionKeys =
            new CompanionKeys(X25519.generateKeyPair(random), X25519.generateKeyPair(random), "Team Inbox (Chrome)");
    private final CompanionLinking companion = new CompanionLinking(companionKeys, random);
    private final PrimaryLinking primary =
            new PrimaryLinking(ACCOUNT, primaryIdentity, new KeyIndexList(ACCOUNT, 0, List.of(1L)), random);

    private String shownQr() {
        return assertInstanceOf(ShowingQr.class, companion.state()).qrText();
    }

    private PairSuccess pairSuccess(SignedDeviceIdentity identity, int deviceId) {
        return new PairSuccess(identity.encode(), deviceId, "Bäckerei Müller", "android");
    }

    @Test
    void qrPathLinksTheCompanionWithVerifiedSignaturesOnBothSides() throws Exception {
        companion.onRefs(REFS, T0);
        LinkApproval approval = primary.approveQr(shownQr(), 3, T0.plusSeconds(5));

        SignedDeviceIdentity countersigned = companion.onPairSuccess(pairSuccess(approval.identity(), 3));
        assertEquals(new Verifying(3), companion.state());
        assertEquals(companion.advSecret(), primary.lastAdvSecret(), "both sides hold the QR's adv secret");

        DeviceIdentityDetails confirmed = primary.confirm(countersigned, companionKeys.identity().publicKey());
        assertEquals(new DeviceIdentityDetails(ACCOUNT, 3, T0.plusSeconds(5).getEpochSecond(), 2), confirmed);

        companion.onRestartRequired();
        LinkedDevice linked = assertInstanceOf(Linked.class, companion.state()).device();
        assertEquals(ACCOUNT, linked.accountId());
        assertEquals(3, linked.deviceId());
        assertArrayEquals(primaryIdentity.publicKey(), linked.primaryIdentityPublicKey());
        assertEquals("Bäckerei Müller", linked.businessName());
    }

    @Test
    void pairingCodePathDerivesTheSameAdvSecretOnBothSidesAndLinks() throws Exception {
        PairCodeHello hello = companion.requestPairingCode(ACCOUNT);
        PairingCode shown = assertInstanceOf(WaitingForCode.class, companion.state()).code();

        // The owner types it in lower case without the dash.
        String typed = shown.display().replace("-", "").toLowerCase();
        PrimaryHello primaryHello = primary.enterPairingCode(typed, hello.wrappedEphemeralKey());
        byte[] bundle = companion.onPrimaryHello(primaryHello);
        assertEquals(PairingKeyBundle.LENGTH, bundle.length);
        LinkApproval approval = primary.onCompanionFinish(bundle, 2, T0);

        assertNotNull(companion.advSecret());
        assertEquals(companion.advSecret(), primary.lastAdvSecret());
        assertArrayEquals(companionKeys.identity().publicKey(), approval.companionIdentityPublicKey());

        SignedDeviceIdentity countersigned = companion.onPairSuccess(pairSuccess(approval.identity(), 2));
        primary.confirm(countersigned, companionKeys.identity().publicKey());
        companion.onRestartRequired();
        assertEquals(2, assertInstanceOf(Linked.class, companion.state()).device().deviceId());
    }

    @Test
    void wrongPairingCodeFailsOnThePrimaryWithAClearError() throws Exception {
        PairCodeHello hello = companion.requestPairingCode(ACCOUNT);
        PairingCode shown = assertInstanceOf(WaitingForCode.class, companion.state()).code();
        PairingCode mistyped;
        do {
            mistyped = PairingCode.generate(random);
        } while (mistyped.equals(shown));

        PrimaryHello primaryHello = primary.enterPairingCode(mistyped.display(), hello.wrappedEphemeralKey());
        byte[] bundle = companion.onPrimaryHello(primaryHello);
        LinkingException error = assertThrows(LinkingException.class, () -> primary.onCompanionFinish(bundle, 2, T0));

        assertEquals(LinkingException.Kind.WRONG_PAIRING_CODE, error.kind());
        assertTrue(error.getMessage().contains("does not match the code shown"), error.getMessage());
        assertEquals(List.of(1L), primary.keyIndexes().validIndexes(), "nothing was approved");
    }

    @Test
    void tamperedHmacFailsWithHmacMismatch() throws Exception {
        companion.onRefs(REFS, T0);
        LinkApproval approval = primary.approveQr(shownQr(), 3, T0);
        byte[] wire = approval.identity().encode();
        int hmacOffset = 3 + approval.details().encode().length;
        wire[hmacOffset] ^= 1;

        LinkingException error = assertThrows(LinkingException.class,
                () -> companion.onPairSuccess(new PairSuccess(wire, 3, "", "android")));
        assertEquals(LinkingException.Kind.HMAC_MISMATCH, error.kind());
        assertEquals("hmac-mismatch", assertInstanceOf(Failed.class, companion.state()).kind().code());
    }

    @Test
    void identitySignedWithoutTheQrsAdvSecretFailsWithHmacMismatch() throws Exception {
        // The server (which never saw the QR) tries to link the companion to an account of its choosing.
        companion.onRefs(REFS, T0);
        SignedDeviceIdentity forged = DeviceIdentity.signAsPrimary(new DeviceIdentityDetails(ACCOUNT, 3, 0, 2),
                X25519.generateKeyPair(random), companionKeys.identity().publicKey(), AdvSecret.random(random), random);
        LinkingException error = assertThrows(LinkingException.class, () -> companion.onPairSuccess(pairSuccess(forged, 3)));
        assertEquals(LinkingException.Kind.HMAC_MISMATCH, error.kind());
    }

    @Test
    void accountSignatureOverAnotherCompanionsIdentityFailsWithSignatureMismatch() throws Exception {
        companion.onRefs(REFS, T0);
        // Someone swapped the identity key inside the QR before the phone scanned it.
        QrCode original = QrCode.parse(shownQr());
        QrCode swapped = new QrCode(original.ref(), original.noisePublicKey(),
                X25519.generateKeyPair(random).publicKey(), original.advSecret(), original.platform());
        LinkApproval approval = primary.approveQr(swapped.text(), 3, T0);

        LinkingException error = assertThrows(LinkingException.class,
                () -> companion.onPairSuccess(pairSuccess(approval.identity(), 3)));
        assertEquals(LinkingException.Kind.SIGNATURE_MISMATCH, error.kind());
        assertEquals(new Failed(LinkingException.Kind.SIGNATURE_MISMATCH,
                "the account signature does not cover this device's identity key"), companion.state());
    }

    @Test
    void swappedPrimaryIdentityKeyFailsWithSignatureMismatch() throws Exception {
        companion.onRefs(REFS, T0);
        SignedDeviceIdentity genuine = primary.approveQr(shownQr(), 3, T0).identity();
        SignedDeviceIdentity swappedKey = new SignedDeviceIdentity(genuine.detailsBytes(), genuine.hmac(),
                X25519.generateKeyPair(random).publicKey(), genuine.accountSignature(), null);

        LinkingException error = assertThrows(LinkingException.class,
                () -> companion.onPairSuccess(pairSuccess(swappedKey, 3)));
        assertEquals(LinkingException.Kind.SIGNATURE_MISMATCH, error.kind());
    }

    @Test
    void refsRotateSixtyThenTwentySecondsAndTheAttemptExpiresWhenTheyRunOut() {
        companion.onRefs(REFS, T0);
        ShowingQr first = assertInstanceOf(ShowingQr.class, companion.state());
        assertEquals(1, first.refNumber());
        assertEquals(Duration.ofSeconds(60), first.remaining());
        assertTrue(first.qrText().startsWith(QrCode.PREFIX + "ref-1,"));

        companion.tick(T0.plusSeconds(59));
        assertEquals(Duration.ofSeconds(1), assertInstanceOf(ShowingQr.class, companion.state()).remaining());

        companion.tick(T0.plusSeconds(60));
        ShowingQr second = assertInstanceOf(ShowingQr.class, companion.state());
        assertEquals(2, second.refNumber());
        assertEquals(Duration.ofSeconds(20), second.remaining());
        assertTrue(second.qrText().startsWith(QrCode.PREFIX + "ref-2,"));

        companion.tick(T0.plusSeconds(60 + 4 * 20 + 19)); // last ref, one second left
        ShowingQr last = assertInstanceOf(ShowingQr.class, companion.state());
        assertEquals(6, last.refNumber());
        assertEquals(Duration.ofSeconds(1), last.remaining());

        companion.tick(T0.plusSeconds(60 + 5 * 20));
        assertEquals(LinkingException.Kind.EXPIRED, assertInstanceOf(Failed.class, companion.state()).kind());
    }

    @Test
    void aLongPauseSkipsStraightToExpired() {
        companion.onRefs(REFS, T0);
        companion.tick(T0.plus(Duration.ofHours(1)));
        assertEquals("expired", assertInstanceOf(Failed.class, companion.state()).kind().code());
    }

    @Test
    void theQrKeepsOneAdvSecretAcrossRefRotation() throws Exception {
        companion.onRefs(REFS, T0);
        QrCode first = QrCode.parse(shownQr());
        companion.tick(T0.plusSeconds(61));
        QrCode second = QrCode.parse(shownQr());
        assertNotEquals(first.ref(), second.ref());
        assertEquals(first.advSecret(), second.advSecret());
    }

    @Test
    void pairSuccessAfterExpiryIsAProtocolViolation() throws Exception {
        companion.onRefs(REFS, T0);
        LinkApproval approval = primary.approveQr(shownQr(), 3, T0);
        companion.tick(T0.plusSeconds(600));
        LinkingException error = assertThrows(LinkingException.class,
                () -> companion.onPairSuccess(pairSuccess(approval.identity(), 3)));
        assertEquals(LinkingException.Kind.PROTOCOL_VIOLATION, error.kind());
        assertEquals(LinkingException.Kind.EXPIRED, assertInstanceOf(Failed.class, companion.state()).kind(),
                "the first failure stays the reason shown");
    }

    @Test
    void deviceIdDifferentFromTheSignedOneIsRejected() throws Exception {
        companion.onRefs(REFS, T0);
        LinkApproval approval = primary.approveQr(shownQr(), 3, T0);
        LinkingException error = assertThrows(LinkingException.class,
                () -> companion.onPairSuccess(pairSuccess(approval.identity(), 4)));
        assertEquals(LinkingException.Kind.PROTOCOL_VIOLATION, error.kind());
    }

    @Test
    void serverErrorEndsTheAttempt() {
        companion.onRefs(REFS, T0);
        companion.onServerError("too many attempts");
        assertEquals(new Failed(LinkingException.Kind.SERVER_ERROR, "too many attempts"), companion.state());
    }

    @Test
    void peersAcceptALinkedDeviceOnlyWhileItsKeyIndexIsInThePrimarysSignedList() throws Exception {
        companion.onRefs(REFS, T0);
        LinkApproval approval = primary.approveQr(shownQr(), 3, T0);
        KeyIndexList list = SignedKeyIndexList.decode(approval.keyIndexes().encode()).verify(primaryIdentity.publicKey());
        list.requireListed(approval.details());

        SignedKeyIndexList afterUnlink = primary.unlink(approval.details().keyIndex(), T0.plusSeconds(60));
        KeyIndexList shrunk = afterUnlink.verify(primaryIdentity.publicKey());
        LinkingException error = assertThrows(LinkingException.class, () -> shrunk.requireListed(approval.details()));
        assertEquals(LinkingException.Kind.KEY_INDEX_NOT_LISTED, error.kind());
    }

    @Test
    void keyIndexListSignedBySomeoneElseOrAlteredIsRejected() throws Exception {
        SignedKeyIndexList list = SignedKeyIndexList.sign(new KeyIndexList(ACCOUNT, 5, List.of(1L, 2L)), primaryIdentity, random);
        assertEquals(LinkingException.Kind.SIGNATURE_MISMATCH, assertThrows(LinkingException.class,
                () -> list.verify(X25519.generateKeyPair(random).publicKey())).kind());

        byte[] altered = list.encode();
        altered[altered.length - 1] = 9; // index 2 becomes 9
        assertEquals(LinkingException.Kind.SIGNATURE_MISMATCH, assertThrows(LinkingException.class,
                () -> SignedKeyIndexList.decode(altered).verify(primaryIdentity.publicKey())).kind());
    }

    @Test
    void primaryRejectsACountersignatureMadeWithAnotherKey() throws Exception {
        companion.onRefs(REFS, T0);
        LinkApproval approval = primary.approveQr(shownQr(), 3, T0);
        SignedDeviceIdentity countersigned = companion.onPairSuccess(pairSuccess(approval.identity(), 3));
        byte[] wire = countersigned.encode();
        wire[wire.length - 1] ^= 1;
        LinkingException error = assertThrows(LinkingException.class,
                () -> primary.confirm(SignedDeviceIdentity.decode(wire), companionKeys.identity().publicKey()));
        assertEquals(LinkingException.Kind.SIGNATURE_MISMATCH, error.kind());
    }
}
