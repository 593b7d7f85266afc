package com.teaminbox.bridge.stanza;

/** How the value of a stanza field is laid out on the wire and which Java type carries it. */
public enum FieldKind {
    /** Strict UTF-8 text. */
    TEXT(String.class),
    /** Opaque bytes (keys, signatures, ciphertexts). */
    BYTES(byte[].class),
    /** Unsigned integer, big-endian in as few bytes as possible (zero is the empty value). */
    NUMBER(Long.class),
    /** Present means true; false is written by leaving the field out. */
    FLAG(Boolean.class),
    /** Ordered list of short texts. */
    TEXT_LIST(java.util.List.class),
    /** Ordered list of {@link DeviceAddress}. */
    DEVICE_LIST(java.util.List.class),
    /** Ordered list of {@link DeviceCiphertext}. */
    CIPHERTEXT_LIST(java.util.List.class),
    /** Ordered list of {@link OneTimePreKey}. */
    PREKEY_LIST(java.util.List.class);

    private final Class<?> javaType;

    FieldKind(Class<?> javaType) {
        this.javaType = javaType;
    }

    Class<?> javaType() {
        return javaType;
    }
}
