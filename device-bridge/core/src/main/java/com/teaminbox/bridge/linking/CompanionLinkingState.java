package com.teaminbox.bridge.linking;

import java.time.Duration;

/** Where a companion's link attempt stands; the UI renders exactly one of these. */
public sealed interface CompanionLinkingState {

    /** Connected unregistered, waiting for the server's refs (QR) or about to ask for a pairing code. */
    record Connecting() implements CompanionLinkingState {
    }

    /** Show {@code qrText} as a QR code; it is replaced after {@code remaining}. */
    record ShowingQr(String qrText, int refNumber, int refCount, Duration remaining) implements CompanionLinkingState {
        @Override
        public String toString() {
            return "ShowingQr[ref " + refNumber + "/" + refCount + ", remaining=" + remaining + "]";
        }
    }

    /** Show the code for the owner to type on the phone. */
    record WaitingForCode(PairingCode code) implements CompanionLinkingState {
    }

    /**
     * The primary's signed identity checked out and the device signature is on its way; the
     * server confirms with restart-required.
     */
    record Verifying(int deviceId) implements CompanionLinkingState {
    }

    record Linked(LinkedDevice device) implements CompanionLinkingState {
    }

    record Failed(LinkingException.Kind kind, String reason) implements CompanionLinkingState {
    }
}
