package com.teaminbox.bridge.signal;

import java.util.OptionalInt;

/**
 * The one definition of the wire form of {@link SignalMessage} and {@link PreKeySignalMessage}
 * (ours, not Signal's protobuf). Big-endian, fixed-width; public keys in the 33-byte 0x05-prefixed
 * form. The version byte is Signal's: (message version &lt;&lt; 4) | current version = 0x33.
 *
 * <pre>
 * SignalMessage       := version(1)=0x33 ratchetKey(33) counter(4) previousCounter(4)
 *                        ciphertextLength(4) ciphertext mac(8)
 * PreKeySignalMessage := version(1)=0x33 registrationId(4) flags(1: bit 0 = one-time prekey present)
 *                        [preKeyId(4)] signedPreKeyId(4) baseKey(33) identityKey(33)
 *                        messageLength(4) SignalMessage
 * </pre>
 *
 * Counters and ids must fit a signed 32-bit int; the ciphertext must be a non-empty multiple of
 * 16 bytes of at most {@link #MAX_CIPHERTEXT_LENGTH}; nothing may follow the last field.
 */
final class SignalWireFormat {
    static final int VERSION = 3;
    static final int VERSION_BYTE = (VERSION << 4) | VERSION;
    /** 1 MiB: far above any chat message; larger payloads travel as media. */
    static final int MAX_CIPHERTEXT_LENGTH = 1 << 20;
    private static final int AES_BLOCK = 16;
    private static final int MAX_SIGNAL_MESSAGE_LENGTH = 1 + 33 + 4 + 4 + 4 + MAX_CIPHERTEXT_LENGTH
            + SignalMessage.MAC_LENGTH;

    private SignalWireFormat() {
    }

    static byte[] encodeSignalMessageBody(byte[] ratchetKey, int counter, int previousCounter, byte[] ciphertext) {
        return new WireWriter().u8(VERSION_BYTE)
                .bytes(DjbPublicKey.serialize(ratchetKey))
                .u32(counter)
                .u32(previousCounter)
                .blob(ciphertext)
                .toByteArray();
    }

    static SignalMessage decodeSignalMessage(byte[] serialized) throws InvalidMessageException {
        try {
            WireReader in = new WireReader(serialized);
            expectVersion(in);
            byte[] ratchetKey = DjbPublicKey.deserialize(in.bytes(DjbPublicKey.SERIALIZED_LENGTH));
            int counter = in.u31();
            int previousCounter = in.u31();
            byte[] ciphertext = in.blob(MAX_CIPHERTEXT_LENGTH);
            if (ciphertext.length == 0 || ciphertext.length % AES_BLOCK != 0) {
                throw new InvalidEncodingException("ciphertext length " + ciphertext.length + " is not whole AES blocks");
            }
            in.bytes(SignalMessage.MAC_LENGTH);
            in.expectEnd();
            return new SignalMessage(ratchetKey, counter, previousCounter, ciphertext, serialized);
        } catch (InvalidEncodingException | InvalidKeyException e) {
            throw new InvalidMessageException("malformed signal message: " + e.getMessage(), e);
        }
    }

    static byte[] encodePreKeySignalMessage(int registrationId, OptionalInt preKeyId, int signedPreKeyId,
                                            byte[] baseKey, IdentityKey identityKey, SignalMessage message) {
        WireWriter out = new WireWriter().u8(VERSION_BYTE).u32(registrationId).u8(preKeyId.isPresent() ? 1 : 0);
        preKeyId.ifPresent(out::u32);
        return out.u32(signedPreKeyId)
                .bytes(DjbPublicKey.serialize(baseKey))
                .bytes(identityKey.serialize())
                .blob(message.serialize())
                .toByteArray();
    }

    static PreKeySignalMessage decodePreKeySignalMessage(byte[] serialized) throws InvalidMessageException {
        try {
            WireReader in = new WireReader(serialized);
            expectVersion(in);
            int registrationId = in.u31();
            OptionalInt preKeyId = in.flag() ? OptionalInt.of(in.u31()) : OptionalInt.empty();
            int signedPreKeyId = in.u31();
            byte[] baseKey = DjbPublicKey.deserialize(in.bytes(DjbPublicKey.SERIALIZED_LENGTH));
            IdentityKey identityKey = IdentityKey.deserialize(in.bytes(DjbPublicKey.SERIALIZED_LENGTH));
            SignalMessage message = decodeSignalMessage(in.blob(MAX_SIGNAL_MESSAGE_LENGTH));
            in.expectEnd();
            return new PreKeySignalMessage(registrationId, preKeyId, signedPreKeyId, baseKey, identityKey, message,
                    serialized);
        } catch (InvalidEncodingException | InvalidKeyException e) {
            throw new InvalidMessageException("malformed prekey message: " + e.getMessage(), e);
        }
    }

    private static void expectVersion(WireReader in) throws InvalidEncodingException {
        int version = in.u8();
        if (version != VERSION_BYTE) {
            throw new InvalidEncodingException("unsupported message version 0x" + Integer.toHexString(version));
        }
    }
}
