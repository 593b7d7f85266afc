package com.teaminbox.bridge.linking;

import com.teaminbox.bridge.crypto.X25519KeyPair;
import java.util.Objects;

/** The long-term keys a companion brings to linking: its Noise static key and its Signal identity key. */
public record CompanionKeys(X25519KeyPair noise, X25519KeyPair identity, String platform) {

    public CompanionKeys {
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(platform, "platform");
    }
}
