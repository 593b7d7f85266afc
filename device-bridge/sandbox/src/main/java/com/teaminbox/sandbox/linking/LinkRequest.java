package com.teaminbox.sandbox.linking;

import com.teaminbox.bridge.stanza.Stanza;
import com.teaminbox.bridge.stanza.StanzaField;

/** The keys an unregistered companion brings in its link-request login (public keys only). */
public record LinkRequest(byte[] identityKey, byte[] noiseKey, int registrationId, int signedPreKeyId,
                          byte[] signedPreKey, byte[] signedPreKeySignature, String platform) {

    public static LinkRequest from(Stanza request) {
        return new LinkRequest(request.bytes(StanzaField.IDENTITY_KEY), request.bytes(StanzaField.NOISE_KEY),
                (int) request.number(StanzaField.REGISTRATION_ID), (int) request.number(StanzaField.SIGNED_PREKEY_ID),
                request.bytes(StanzaField.SIGNED_PREKEY), request.bytes(StanzaField.SIGNED_PREKEY_SIGNATURE),
                request.text(StanzaField.PLATFORM));
    }

    @Override
    public String toString() {
        return "LinkRequest[" + platform + "]";
    }
}
