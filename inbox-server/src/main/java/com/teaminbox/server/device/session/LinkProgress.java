package com.teaminbox.server.device.session;

import com.teaminbox.bridge.linking.CompanionLinkingState;
import com.teaminbox.bridge.linking.LinkingException;

/**
 * How a link is going, in the words an admin sees: waiting for the scan (with the QR text and
 * how long it still lives) or for the code, verifying, syncing history (with a percentage),
 * linked — or failed, with what to do next.
 *
 * @param stage            waiting-for-scan, waiting-for-code, verifying, syncing-history, linked, failed
 * @param qr               the QR text to show while waiting for the scan
 * @param qrSecondsLeft    how long this QR text is still accepted
 * @param qrNumber         which of the network's QR refs is shown (1-based)
 * @param qrCount          how many refs the network handed out
 * @param pairingCode      the code to type on the phone while waiting for it
 * @param historyPercent   how much of the phone's history arrived, while syncing
 * @param problem          why the link failed, as a sentence
 */
public record LinkProgress(String stage, String qr, Long qrSecondsLeft, Integer qrNumber, Integer qrCount,
                           String pairingCode, Integer historyPercent, String problem) {

    static LinkProgress of(CompanionLinkingState state, Integer historyPercent, boolean connected) {
        if (state instanceof CompanionLinkingState.ShowingQr qr) {
            return new LinkProgress("waiting-for-scan", qr.qrText(), Math.max(0, qr.remaining().toSeconds()),
                    qr.refNumber(), qr.refCount(), null, null, null);
        }
        if (state instanceof CompanionLinkingState.WaitingForCode code) {
            return new LinkProgress("waiting-for-code", null, null, null, null, code.code().display(), null, null);
        }
        if (state instanceof CompanionLinkingState.Failed failed) {
            return new LinkProgress("failed", null, null, null, null, null, null, explain(failed.kind(), failed.reason()));
        }
        if (state instanceof CompanionLinkingState.Linked) {
            if (historyPercent != null && historyPercent < 100) {
                return new LinkProgress("syncing-history", null, null, null, null, null, historyPercent, null);
            }
            return new LinkProgress(connected ? "linked" : "verifying", null, null, null, null, null, historyPercent, null);
        }
        return new LinkProgress("verifying", null, null, null, null, null, null, null);
    }

    static String explain(LinkingException.Kind kind, String detail) {
        return switch (kind) {
            case EXPIRED -> "The QR code expired before the phone scanned it. Start the link again and scan within a minute.";
            case WRONG_PAIRING_CODE, INVALID_PAIRING_CODE ->
                    "The code typed on the phone was not the one shown. Start again and type the new code exactly.";
            case HMAC_MISMATCH, SIGNATURE_MISMATCH, KEY_INDEX_NOT_LISTED, MALFORMED_IDENTITY ->
                    "The phone's approval could not be verified, so the device was not linked. Scan with the business phone itself and try again.";
            case INVALID_QR_CODE -> "The QR code could not be read. Start the link again.";
            case SERVER_ERROR -> "The network ended the link attempt (" + detail + "). Check that the phone has a free device slot and try again.";
            case PROTOCOL_VIOLATION -> "The network answered unexpectedly (" + detail + "). Try again; if it repeats, report it.";
        };
    }
}
