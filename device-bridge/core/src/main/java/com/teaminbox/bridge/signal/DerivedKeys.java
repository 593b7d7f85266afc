package com.teaminbox.bridge.signal;

import java.util.Arrays;

/** A new root key and the chain key that came out of the same KDF step (X3DH or a DH ratchet). */
record DerivedKeys(RootKey rootKey, ChainKey chainKey) {

    /** Splits 64 KDF bytes: root key first, chain key second, as Signal does. */
    static DerivedKeys split(byte[] derived) {
        return new DerivedKeys(new RootKey(Arrays.copyOfRange(derived, 0, 32)),
                new ChainKey(Arrays.copyOfRange(derived, 32, 64), 0));
    }
}
