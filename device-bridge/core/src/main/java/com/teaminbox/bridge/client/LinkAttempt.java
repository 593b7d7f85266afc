package com.teaminbox.bridge.client;

import com.teaminbox.bridge.linking.CompanionLinking;
import com.teaminbox.bridge.linking.CompanionLinkingState;
import com.teaminbox.bridge.linking.LinkedDevice;
import com.teaminbox.bridge.linking.LinkingException;
import com.teaminbox.bridge.linking.PairCodeHello;
import com.teaminbox.bridge.linking.PairSuccess;
import com.teaminbox.bridge.linking.PrimaryHello;
import com.teaminbox.bridge.linking.SignedDeviceIdentity;
import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaField;
import com.teaminbox.bridge.stanza.StanzaType;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Consumer;

/**
 * One link attempt over one unregistered connection: feeds the server's linking stanzas into
 * the {@link CompanionLinking} state machine and reports progress to whoever started it (a
 * stream of QR texts, or the pairing code to show). Runs on the client's event thread.
 */
final class LinkAttempt {

    enum Method { QR, PAIRING_CODE }

    private final Method method;
    private final CompanionLinking linking;
    private final String phoneNumber;
    private final Consumer<Stanza> wire;
    private final SubmissionPublisher<String> qrTexts = new SubmissionPublisher<>();
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private final CompletableFuture<LinkedDevice> outcome = new CompletableFuture<>();
    private String shownQr;

    LinkAttempt(Method method, CompanionLinking linking, String phoneNumber, Consumer<Stanza> wire) {
        this.method = method;
        this.linking = linking;
        this.phoneNumber = phoneNumber;
        this.wire = wire;
    }

    SubmissionPublisher<String> qrTexts() {
        return qrTexts;
    }

    CompletableFuture<String> code() {
        return code;
    }

    /** Completes with the linked device once the server asked for the restart; fails with a LinkingException. */
    CompletableFuture<LinkedDevice> outcome() {
        return outcome;
    }

    /** Where the linking state machine is: showing a QR (with its remaining life), waiting for a code, verifying, ... */
    com.teaminbox.bridge.linking.CompanionLinkingState state() {
        return linking.state();
    }

    boolean isOver() {
        return outcome.isDone();
    }

    void onStanza(Stanza stanza, Instant now) {
        try {
            switch (stanza.type()) {
                case QR_REFS -> onRefs(stanza, now);
                case PAIR_CODE_REF -> showCode();
                case PAIR_CODE_PRIMARY_HELLO -> wire.accept(Stanza.builder(StanzaType.PAIR_CODE_FINISH, stanza.id())
                        .text(StanzaField.REF, stanza.text(StanzaField.REF))
                        .bytes(StanzaField.KEY_BUNDLE, linking.onPrimaryHello(new PrimaryHello(
                                stanza.bytes(StanzaField.WRAPPED_KEY), stanza.bytes(StanzaField.IDENTITY_KEY))))
                        .build());
                case PAIR_SUCCESS -> onPairSuccess(stanza);
                case RESTART_REQUIRED -> {
                    linking.onRestartRequired();
                    settle();
                }
                case STREAM_ERROR, LOGIN_FAILURE -> serverEnded(stanza.optionalText(StanzaField.REASON).orElse("refused"), now);
                default -> {
                    // nothing else belongs to linking
                }
            }
        } catch (LinkingException e) {
            // the state machine is now Failed; settle() reports it
        }
        settle();
    }

    private void onRefs(Stanza stanza, Instant now) {
        if (method == Method.QR) {
            linking.onRefs(stanza.texts(StanzaField.REFS), now);
            publishQr();
            return;
        }
        PairCodeHello hello = linking.requestPairingCode(phoneNumber);
        wire.accept(Stanza.builder(StanzaType.PAIR_CODE_HELLO, "pair-code")
                .text(StanzaField.ACCOUNT, hello.phoneNumber())
                .bytes(StanzaField.WRAPPED_KEY, hello.wrappedEphemeralKey())
                .bytes(StanzaField.NOISE_KEY, hello.noisePublicKey())
                .text(StanzaField.PLATFORM, hello.platform())
                .build());
    }

    private void showCode() {
        if (linking.state() instanceof CompanionLinkingState.WaitingForCode waiting) {
            code.complete(waiting.code().display());
        }
    }

    private void onPairSuccess(Stanza stanza) throws LinkingException {
        SignedDeviceIdentity countersigned = linking.onPairSuccess(new PairSuccess(stanza.bytes(StanzaField.SIGNED_IDENTITY),
                (int) stanza.number(StanzaField.DEVICE), stanza.optionalText(StanzaField.BUSINESS_NAME).orElse(""),
                stanza.text(StanzaField.PLATFORM)));
        long keyIndex = keyIndexOf(countersigned);
        wire.accept(Stanza.builder(StanzaType.PAIR_DEVICE_SIGN, stanza.id())
                .bytes(StanzaField.SIGNED_IDENTITY, countersigned.encode())
                .number(StanzaField.KEY_INDEX, keyIndex)
                .build());
    }

    private static long keyIndexOf(SignedDeviceIdentity identity) {
        try {
            return com.teaminbox.bridge.linking.DeviceIdentityDetails.decode(identity.detailsBytes()).keyIndex();
        } catch (LinkingException e) {
            return 0; // cannot happen: onPairSuccess decoded the same bytes
        }
    }

    /** Time passed: rotate the QR code, or end the attempt when the refs ran out. */
    void tick(Instant now) {
        if (method == Method.QR) {
            linking.tick(now);
            publishQr();
        }
        settle();
    }

    /** The server ended the stream, or the connection dropped, before the link was complete. */
    void serverEnded(String reason, Instant now) {
        linking.tick(now); // the refs may have run out, which is the real reason
        linking.onServerError(reason);
        settle();
    }

    private void publishQr() {
        if (linking.state() instanceof CompanionLinkingState.ShowingQr showing && !showing.qrText().equals(shownQr)) {
            shownQr = showing.qrText();
            qrTexts.offer(shownQr, (subscriber, dropped) -> false);
        }
    }

    private void settle() {
        if (outcome.isDone()) {
            return;
        }
        CompanionLinkingState state = linking.state();
        if (state instanceof CompanionLinkingState.Linked linked) {
            outcome.complete(linked.device());
            qrTexts.close();
        } else if (state instanceof CompanionLinkingState.Failed failed) {
            LinkingException error = new LinkingException(failed.kind(), failed.reason());
            outcome.completeExceptionally(error);
            code.completeExceptionally(error);
            qrTexts.closeExceptionally(error);
        }
    }
}
