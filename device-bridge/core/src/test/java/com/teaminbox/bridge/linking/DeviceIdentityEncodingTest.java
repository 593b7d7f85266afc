package com.teaminbox.bridge.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceIdentityEncodingTest {

    private static final DeviceIdentityDetails DETAILS = new DeviceIdentityDetails("4915112345678", 3, 1_772_000_000L, 7);

    @Test
    void detailsHaveAFixedLayoutAndReadBack() throws Exception {
        byte[] encoded = DETAILS.encode();
        assertEquals("01" + "0d" + HexFormat.of().formatHex("4915112345678".getBytes()) + "0003"
                + String.format("%016x", 1_772_000_000L) + "00000007", HexFormat.of().formatHex(encoded));
        assertEquals(DETAILS, DeviceIdentityDetails.decode(encoded));
    }

    @Test
    void detailsDecodingIsStrict() {
        byte[] encoded = DETAILS.encode();
        assertMalformed(() -> DeviceIdentityDetails.decode(Arrays.copyOf(encoded, encoded.length + 1)));
        assertMalformed(() -> DeviceIdentityDetails.decode(Arrays.copyOf(encoded, encoded.length - 1)));
        byte[] version2 = encoded.clone();
        version2[0] = 2;
        assertMalformed(() -> DeviceIdentityDetails.decode(version2));
        byte[] deviceZero = encoded.clone();
        deviceZero[2 + 13 + 1] = 0; // a companion can never be device 0, the primary
        assertMalformed(() -> DeviceIdentityDetails.decode(deviceZero));
    }

    @Test
    void signedIdentityRoundTripsWithAndWithoutDeviceSignature() throws Exception {
        SignedDeviceIdentity unsigned = new SignedDeviceIdentity(DETAILS.encode(), new byte[32], new byte[32], new byte[64], null);
        assertEquals(unsigned, SignedDeviceIdentity.decode(unsigned.encode()));
        SignedDeviceIdentity countersigned = unsigned.withDeviceSignature(new byte[64]);
        assertArrayEquals(countersigned.encode(), SignedDeviceIdentity.decode(countersigned.encode()).encode());
        byte[] lyingMarker = countersigned.encode();
        lyingMarker[lyingMarker.length - 65] = 0;
        assertMalformed(() -> SignedDeviceIdentity.decode(lyingMarker));
        assertMalformed(() -> SignedDeviceIdentity.decode(Arrays.copyOf(unsigned.encode(), 40)));
    }

    @Test
    void keyIndexListRoundTripsSortedAndRejectsUnsortedIndexes() throws Exception {
        KeyIndexList list = new KeyIndexList("4915112345678", 9, List.of(5L, 1L, 3L));
        assertEquals(List.of(1L, 3L, 5L), list.validIndexes());
        assertEquals(list, KeyIndexList.decode(list.encode()));
        byte[] unsorted = list.encode();
        unsorted[unsorted.length - 1] = 0; // last index 5 -> 0
        assertMalformed(() -> KeyIndexList.decode(unsorted));
    }

    private static void assertMalformed(org.junit.jupiter.api.function.Executable decode) {
        assertEquals(LinkingException.Kind.MALFORMED_IDENTITY, assertThrows(LinkingException.class, decode).kind());
    }
}
