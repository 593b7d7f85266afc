package com.teaminbox.bridge.stanza;

/**
 * Every field a stanza can carry, with its wire tag, its kind and the allowed length of its
 * encoded value. Tags are never reused: a retired field keeps its number.
 */
public enum StanzaField {
    ACCOUNT(1, FieldKind.TEXT, 1, DeviceAddress.MAX_ACCOUNT_LENGTH),
    DEVICE(2, FieldKind.NUMBER, 0, 2),
    PLATFORM(3, FieldKind.TEXT, 1, 64),
    REGISTRATION_ID(4, FieldKind.NUMBER, 0, 4),
    IDENTITY_KEY(5, FieldKind.BYTES, 32, 32),
    NOISE_KEY(6, FieldKind.BYTES, 32, 32),
    SIGNED_PREKEY_ID(7, FieldKind.NUMBER, 0, 3),
    SIGNED_PREKEY(8, FieldKind.BYTES, 32, 32),
    SIGNED_PREKEY_SIGNATURE(9, FieldKind.BYTES, 64, 64),
    PREKEYS(10, FieldKind.PREKEY_LIST, 2, 2 + 812 * 35),
    REFS(11, FieldKind.TEXT_LIST, 2, 4096),
    REF(12, FieldKind.TEXT, 1, 128),
    /** Pairing-code wrapped ephemeral key: salt(32) ‖ iv(16) ‖ AES-CTR(public key)(32). */
    WRAPPED_KEY(13, FieldKind.BYTES, 80, 80),
    /** Pairing-code key bundle: salt(32) ‖ nonce(12) ‖ AES-GCM(96 bytes) with its 16-byte tag. */
    KEY_BUNDLE(14, FieldKind.BYTES, 156, 156),
    SIGNED_IDENTITY(15, FieldKind.BYTES, 1, 1024),
    BUSINESS_NAME(16, FieldKind.TEXT, 0, 256),
    KEY_INDEX_LIST(17, FieldKind.BYTES, 1, 4096),
    KEY_INDEX(18, FieldKind.NUMBER, 0, 4),
    COUNT(19, FieldKind.NUMBER, 0, 4),
    DEVICES(20, FieldKind.DEVICE_LIST, 2, 2 + 1024 * 23),
    CIPHERTEXTS(21, FieldKind.CIPHERTEXT_LIST, 2, StanzaCodec.MAX_STANZA_LENGTH),
    /** {@code fanout.DeviceListHash}: the first 8 bytes of a SHA-256, enough to notice a change. */
    DEVICE_LIST_HASH(22, FieldKind.BYTES, 8, 8),
    DEVICE_LIST_CHANGED(23, FieldKind.FLAG, 0, 0),
    RECEIPT_KIND(24, FieldKind.TEXT, 1, 16),
    MESSAGE_IDS(25, FieldKind.TEXT_LIST, 2, 16384),
    CODE(26, FieldKind.NUMBER, 0, 2),
    REASON(27, FieldKind.TEXT, 0, 256),
    TIMESTAMP(28, FieldKind.NUMBER, 0, 8),
    SENDER_ACCOUNT(29, FieldKind.TEXT, 1, DeviceAddress.MAX_ACCOUNT_LENGTH),
    SENDER_DEVICE(30, FieldKind.NUMBER, 0, 2),
    /** Set on a message that another device of the own account sent ("sent by me to X"). */
    FROM_OWN_ACCOUNT(31, FieldKind.FLAG, 0, 0);

    private final int tag;
    private final FieldKind kind;
    private final int minLength;
    private final int maxLength;

    StanzaField(int tag, FieldKind kind, int minLength, int maxLength) {
        this.tag = tag;
        this.kind = kind;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public int tag() {
        return tag;
    }

    public FieldKind kind() {
        return kind;
    }

    /** Smallest allowed length of the encoded value, in bytes. */
    int minLength() {
        return minLength;
    }

    /** Largest allowed length of the encoded value, in bytes. */
    int maxLength() {
        return maxLength;
    }

    private static final StanzaField[] BY_TAG = new StanzaField[256];

    static {
        for (StanzaField field : values()) {
            BY_TAG[field.tag] = field;
        }
    }

    /** The field with this wire tag, or null if the tag is unknown. */
    static StanzaField fromTag(int tag) {
        return tag >= 0 && tag < BY_TAG.length ? BY_TAG[tag] : null;
    }
}
