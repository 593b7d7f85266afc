package com.teaminbox.server.device.keys;

import java.util.Arrays;

/** What a row of device_key_material holds; the code is the column value and part of the seal's AAD. */
public enum KeyKind {
    NOISE_KEY("noise-key"),
    IDENTITY_KEY_PAIR("identity-key-pair"),
    REGISTRATION_ID("registration-id"),
    PREKEY("prekey"),
    SIGNED_PREKEY("signed-prekey"),
    /** name = user:device of the remote device. */
    SESSION("session"),
    /** name = user:device of the remote device. */
    TRUSTED_IDENTITY("trusted-identity"),
    /** Not device material: a secret setting (inbox_setting.sealed), sealed as device 0 under the setting's name. */
    SETTING("setting"),
    /** Not device material: an attachment's media key (message_media), sealed with the message id in the device id's place. */
    MEDIA_KEY("media-key");

    private final String code;

    KeyKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static KeyKind of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown key material kind: " + code));
    }
}
