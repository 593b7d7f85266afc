package com.teaminbox.bridge.linking;

import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.crypto.XEdDSA;
import java.security.SecureRandom;
import java.util.Arrays;

/** A key-index list with the primary's XEdDSA signature over {@code 0x06 0x02 ‖ list}. Wire form: {@code signature(64) ‖ list}. */
public final class SignedKeyIndexList {

    private static final int SIGNATURE_LENGTH = 64;

    private final byte[] list;
    private final byte[] signature;

    private SignedKeyIndexList(byte[] list, byte[] signature) {
        this.list = list;
        this.signature = signature;
    }

    public static SignedKeyIndexList sign(KeyIndexList list, X25519KeyPair primaryIdentity, SecureRandom random) {
        byte[] encoded = list.encode();
        byte[] signature = XEdDSA.sign(primaryIdentity.privateKey(),
                DeviceIdentity.concat(DeviceIdentity.KEY_INDEX_LIST_PREFIX, encoded), random);
        return new SignedKeyIndexList(encoded, signature);
    }

    /** @throws LinkingException SIGNATURE_MISMATCH unless the account's primary signed exactly this list */
    public KeyIndexList verify(byte[] primaryIdentityPublicKey) throws LinkingException {
        if (!XEdDSA.verify(primaryIdentityPublicKey,
                DeviceIdentity.concat(DeviceIdentity.KEY_INDEX_LIST_PREFIX, list), signature)) {
            throw new LinkingException(LinkingException.Kind.SIGNATURE_MISMATCH,
                    "the key index list is not signed by the account's primary");
        }
        return KeyIndexList.decode(list);
    }

    public byte[] encode() {
        return DeviceIdentity.concat(signature, list);
    }

    public static SignedKeyIndexList decode(byte[] encoded) throws LinkingException {
        if (encoded == null || encoded.length <= SIGNATURE_LENGTH) {
            throw new LinkingException(LinkingException.Kind.MALFORMED_IDENTITY, "signed key index list truncated");
        }
        return new SignedKeyIndexList(Arrays.copyOfRange(encoded, SIGNATURE_LENGTH, encoded.length),
                Arrays.copyOf(encoded, SIGNATURE_LENGTH));
    }

    @Override
    public String toString() {
        return "SignedKeyIndexList[" + list.length + " bytes]";
    }
}
