package com.teaminbox.bridge.stanza;

import static com.teaminbox.bridge.stanza.StanzaField.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a stanza means, with its wire code and the fields it must and may carry. The codec
 * rejects a stanza with a field its type does not allow, so a new field on an old type is a
 * format change (new version byte), not a silent extension.
 */
public enum StanzaType {
    /** Device to server: "device N of account P" (first handshake payload). */
    LOGIN(1, "login", Set.of(ACCOUNT, DEVICE, PLATFORM), Set.of()),
    /** Device to server: "unregistered, wants to link", with the keys the account will learn. */
    LINK_REQUEST(2, "link-request",
            Set.of(IDENTITY_KEY, NOISE_KEY, REGISTRATION_ID, SIGNED_PREKEY_ID, SIGNED_PREKEY,
                    SIGNED_PREKEY_SIGNATURE, PLATFORM),
            Set.of()),
    /** Server to device: login accepted. */
    LOGIN_SUCCESS(3, "login-success", Set.of(TIMESTAMP), Set.of()),
    /** Server to device: login refused, e.g. 401 after the device was removed while offline. */
    LOGIN_FAILURE(4, "login-failure", Set.of(CODE), Set.of(REASON)),
    /** Server to companion: the refs to show as QR codes, first one first. */
    QR_REFS(5, "qr-refs", Set.of(REFS), Set.of()),
    /** Companion to server: start linking by pairing code. */
    PAIR_CODE_HELLO(6, "pair-code-hello", Set.of(ACCOUNT, WRAPPED_KEY, NOISE_KEY, PLATFORM), Set.of()),
    /** Server to companion: the ref of the pairing-code attempt. */
    PAIR_CODE_REF(7, "pair-code-ref", Set.of(REF), Set.of()),
    /** Server to companion: the primary accepted the code and sent its wrapped ephemeral key. */
    PAIR_CODE_PRIMARY_HELLO(8, "pair-code-primary-hello", Set.of(REF, WRAPPED_KEY, IDENTITY_KEY), Set.of()),
    /** Companion to server: the encrypted key bundle for the primary. */
    PAIR_CODE_FINISH(9, "pair-code-finish", Set.of(REF, KEY_BUNDLE), Set.of()),
    /** Server to companion: the primary signed this device's identity. */
    PAIR_SUCCESS(10, "pair-success", Set.of(SIGNED_IDENTITY, DEVICE, PLATFORM),
            Set.of(BUSINESS_NAME, KEY_INDEX_LIST)),
    /** Companion to server: the identity with the device signature added. */
    PAIR_DEVICE_SIGN(11, "pair-device-sign", Set.of(SIGNED_IDENTITY, KEY_INDEX), Set.of()),
    /** Server to companion: log in again as the new device. */
    RESTART_REQUIRED(12, "restart-required", Set.of(), Set.of()),
    PREKEY_UPLOAD(13, "prekey-upload",
            Set.of(REGISTRATION_ID, IDENTITY_KEY, SIGNED_PREKEY_ID, SIGNED_PREKEY, SIGNED_PREKEY_SIGNATURE, PREKEYS),
            Set.of()),
    /** Server to device: fewer one-time prekeys left than the threshold. */
    PREKEY_LOW(14, "prekey-low", Set.of(COUNT), Set.of()),
    PREKEY_FETCH(15, "prekey-fetch", Set.of(DEVICES), Set.of()),
    /** One device's bundle; PREKEYS holds zero or one one-time prekey. */
    PREKEY_BUNDLE(16, "prekey-bundle",
            Set.of(ACCOUNT, DEVICE, REGISTRATION_ID, IDENTITY_KEY, SIGNED_PREKEY_ID, SIGNED_PREKEY,
                    SIGNED_PREKEY_SIGNATURE),
            Set.of(PREKEYS)),
    /**
     * A fanned-out message: outgoing it carries every per-device ciphertext and the hash of the
     * device list used; incoming it carries the sender and the one ciphertext for this device.
     */
    MESSAGE(17, "message", Set.of(ACCOUNT, CIPHERTEXTS),
            Set.of(DEVICE_LIST_HASH, SENDER_ACCOUNT, SENDER_DEVICE, TIMESTAMP, FROM_OWN_ACCOUNT)),
    /** Device to server: this queued message was received and may be dropped from the queue. */
    MESSAGE_ACK(18, "message-ack", Set.of(), Set.of()),
    /** Server to device: a stanza was accepted; says whether the sender's device list was stale. */
    SERVER_ACK(19, "server-ack", Set.of(), Set.of(DEVICE_LIST_CHANGED, DEVICE_LIST_HASH, TIMESTAMP)),
    RECEIPT(20, "receipt", Set.of(ACCOUNT, DEVICE, RECEIPT_KIND, MESSAGE_IDS), Set.of(TIMESTAMP)),
    DEVICE_LIST_CHANGED_NOTICE(21, "device-list-changed", Set.of(ACCOUNT, DEVICES, DEVICE_LIST_HASH), Set.of()),
    /** Server to device: the stream ends, e.g. 401 "device_removed" or "replaced". */
    STREAM_ERROR(22, "stream-error", Set.of(CODE, REASON), Set.of()),
    PING(23, "ping", Set.of(), Set.of()),
    PONG(24, "pong", Set.of(), Set.of()),
    /** Companion to server: remove this device from the account (self-unlink). */
    UNLINK(25, "unlink", Set.of(), Set.of(REASON)),
    /**
     * A companion asks its own primary (device 0) for a sign of life. Outgoing it has no fields;
     * as queued for the primary it names the asking companion. A stanza of its own, because the
     * network refuses ordinary messages to the own account.
     */
    PROBE(26, "probe", Set.of(), Set.of(SENDER_DEVICE, TIMESTAMP)),
    /** The primary's answer to a probe, for the companion in DEVICE; it proves the phone is in use. */
    PROBE_ANSWER(27, "probe-answer", Set.of(DEVICE), Set.of(TIMESTAMP)),
    /**
     * Part of the encrypted history bundle from the primary to one newly linked companion of its
     * account (one ciphertext, addressed to it). A stanza of its own for the same reason as
     * {@link #PROBE}: ordinary messages to the own account are refused.
     */
    HISTORY_SYNC(28, "history-sync", Set.of(CIPHERTEXTS), Set.of(SENDER_ACCOUNT, SENDER_DEVICE, TIMESTAMP));

    private final int code;
    private final String wireName;
    private final Set<StanzaField> required;
    private final Set<StanzaField> allowed;

    StanzaType(int code, String wireName, Set<StanzaField> required, Set<StanzaField> optional) {
        this.code = code;
        this.wireName = wireName;
        this.required = required.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(StanzaField.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(required));
        EnumSet<StanzaField> all = EnumSet.noneOf(StanzaField.class);
        all.addAll(required);
        all.addAll(optional);
        this.allowed = Collections.unmodifiableSet(all);
    }

    public int code() {
        return code;
    }

    /** The protocol's name for this stanza, as used in logs and docs. */
    public String wireName() {
        return wireName;
    }

    public Set<StanzaField> requiredFields() {
        return required;
    }

    public boolean allows(StanzaField field) {
        return allowed.contains(field);
    }

    public Set<StanzaField> allowedFields() {
        return allowed;
    }

    private static final StanzaType[] BY_CODE = new StanzaType[256];

    static {
        for (StanzaType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    /** The type with this wire code, or null if unknown. */
    static StanzaType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
