package com.teaminbox.bridge.stanza;

import java.util.Arrays;

/** The copy of one fanned-out message encrypted for one device. */
public record DeviceCiphertext(DeviceAddress device, CiphertextKind kind, byte[] ciphertext) {

    public DeviceCiphertext {
        if (device == null || kind == null || ciphertext == null || ciphertext.length == 0) {
            throw new IllegalArgumentException("device, kind and a non-empty ciphertext are required");
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceCiphertext that
                && device.equals(that.device)
                && kind == that.kind
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * device.hashCode() + kind.hashCode()) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "DeviceCiphertext[" + device + ", " + kind + ", " + ciphertext.length + " bytes]";
    }
}
