package com.teaminbox.bridge.stanza;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class StanzaCodecTest {

    static Stream<Stanza> everyType() {
        return StanzaSamples.everyType().stream();
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyStanzaTypeRoundTripsWithAllItsFields(Stanza stanza) throws Exception {
        byte[] wire = StanzaCodec.encode(stanza);
        Stanza decoded = StanzaCodec.decode(wire);
        assertEquals(stanza, decoded);
        assertArrayEquals(wire, StanzaCodec.encode(decoded), "re-encoding must give identical bytes");
    }

    @ParameterizedTest
    @EnumSource(StanzaType.class)
    void everyStanzaTypeRoundTripsWithOnlyItsRequiredFields(StanzaType type) throws Exception {
        Stanza stanza = StanzaSamples.minimal(type, new Random(7));
        assertEquals(stanza, StanzaCodec.decode(StanzaCodec.encode(stanza)));
    }

    @Test
    void wireLayoutIsVersionTypeIdFieldsInTagOrder() throws Exception {
        Stanza stanza = Stanza.builder(StanzaType.STREAM_ERROR, "e1")
                .text(StanzaField.REASON, "replaced")
                .number(StanzaField.CODE, 409)
                .build();
        byte[] wire = StanzaCodec.encode(stanza);
        assertEquals("01" + "16" + "02" + "6531" + "02"
                        + "1a" + "000002" + "0199"
                        + "1b" + "000008" + HexFormat.of().formatHex("replaced".getBytes()),
                HexFormat.of().formatHex(wire));
    }

    @Test
    void typedAccessorsReturnWhatWasBuilt() throws Exception {
        Stanza ack = StanzaCodec.decode(StanzaCodec.encode(Stanza.builder(StanzaType.SERVER_ACK, "m-17")
                .flag(StanzaField.DEVICE_LIST_CHANGED, true).number(StanzaField.TIMESTAMP, 0).build()));
        assertTrue(ack.flag(StanzaField.DEVICE_LIST_CHANGED));
        assertEquals(0, ack.number(StanzaField.TIMESTAMP));
        Stanza plainAck = StanzaCodec.decode(StanzaCodec.encode(Stanza.builder(StanzaType.SERVER_ACK, "m-18").build()));
        assertFalse(plainAck.flag(StanzaField.DEVICE_LIST_CHANGED));
    }

    @Test
    void toStringShowsSizesNotKeyMaterial() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x41);
        Stanza stanza = Stanza.builder(StanzaType.PAIR_CODE_HELLO, "p1")
                .text(StanzaField.ACCOUNT, "4915112345678").bytes(StanzaField.WRAPPED_KEY, new byte[80])
                .bytes(StanzaField.NOISE_KEY, key).text(StanzaField.PLATFORM, "web").build();
        String shown = stanza.toString();
        assertTrue(shown.contains("noise_key=32 bytes"), shown);
        assertFalse(shown.contains("4915112345678"), shown);
        assertFalse(shown.contains("AAAA") || shown.contains("4141"), shown);
    }

    @Test
    void builderRefusesFieldsTheTypeDoesNotCarryAndMissingRequiredOnes() {
        assertThrows(IllegalArgumentException.class,
                () -> Stanza.builder(StanzaType.PING, "x").text(StanzaField.REASON, "no").build());
        assertThrows(IllegalArgumentException.class,
                () -> Stanza.builder(StanzaType.STREAM_ERROR, "x").number(StanzaField.CODE, 401).build());
        assertThrows(IllegalArgumentException.class, () -> Stanza.builder(StanzaType.PING, "with space").build());
        assertThrows(IllegalArgumentException.class,
                () -> Stanza.builder(StanzaType.PING, "x").text(StanzaField.CODE, "401"));
    }

    // ------------------------------------------------------------ precise rejections

    private static byte[] ping() throws StanzaFormatException {
        return StanzaCodec.encode(Stanza.builder(StanzaType.PING, "p").build());
    }

    private static String rejection(byte[] wire) {
        return assertThrows(StanzaFormatException.class, () -> StanzaCodec.decode(wire)).getMessage();
    }

    @Test
    void rejectsUnknownVersion() throws Exception {
        byte[] wire = ping();
        wire[0] = 2;
        assertEquals("unsupported format version 2", rejection(wire));
    }

    @Test
    void rejectsUnknownType() throws Exception {
        byte[] wire = ping();
        wire[1] = (byte) 200;
        assertEquals("unknown stanza type 200", rejection(wire));
    }

    @Test
    void rejectsEmptyInputAndTruncatedHeader() throws Exception {
        assertTrue(rejection(new byte[0]).startsWith("truncated format version"));
        assertTrue(rejection(Arrays.copyOf(ping(), 3)).startsWith("truncated stanza id"));
    }

    @Test
    void rejectsTruncatedFieldLength() throws Exception {
        byte[] wire = StanzaCodec.encode(Stanza.builder(StanzaType.PREKEY_LOW, "l").number(StanzaField.COUNT, 3).build());
        // header(1+1+1+1+1) + tag(1) + 2 of the 3 length bytes
        assertTrue(rejection(Arrays.copyOf(wire, 8)).startsWith("truncated length of COUNT"));
    }

    @Test
    void rejectsValueLongerThanWhatIsLeft() throws Exception {
        byte[] wire = StanzaCodec.encode(Stanza.builder(StanzaType.PAIR_CODE_REF, "r").text(StanzaField.REF, "abc").build());
        assertTrue(rejection(Arrays.copyOf(wire, wire.length - 1)).startsWith("truncated REF"));
    }

    @Test
    void rejectsTrailingBytes() throws Exception {
        byte[] wire = Arrays.copyOf(ping(), ping().length + 1);
        assertEquals("1 trailing bytes after stanza", rejection(wire));
    }

    @Test
    void rejectsDuplicateTag() {
        byte[] wire = hex("01" + "0e" + "0178" + "02" + "13000001" + "05" + "13000001" + "06");
        assertEquals("duplicate field COUNT", rejection(wire));
    }

    @Test
    void rejectsTagsOutOfOrder() {
        byte[] wire = hex("01" + "16" + "0178" + "02" + "1b000000" + "1a0000020191");
        assertEquals("field CODE out of tag order", rejection(wire));
    }

    @Test
    void rejectsUnknownTag() {
        assertEquals("unknown field tag 99", rejection(hex("01" + "17" + "0178" + "01" + "63000000")));
    }

    @Test
    void rejectsTagNotAllowedForTheType() {
        assertEquals("ping stanza does not carry REASON", rejection(hex("01" + "17" + "0178" + "01" + "1b000000")));
    }

    @Test
    void rejectsMissingRequiredField() {
        assertEquals("stream-error stanza lacks REASON", rejection(hex("01" + "16" + "0178" + "01" + "1a0000020191")));
    }

    @Test
    void rejectsOversizeFieldBeforeReadingIt() {
        // REF allows 128 bytes; the length says 129 and the bytes are not even there.
        assertEquals("REF is 129 bytes, allowed 1..128", rejection(hex("01" + "07" + "0178" + "01" + "0c000081")));
    }

    @Test
    void rejectsWrongKeyLength() {
        String key31 = "00".repeat(31);
        assertEquals("IDENTITY_KEY is 31 bytes, allowed 32..32",
                rejection(hex("01" + "08" + "0178" + "03" + "0500001f" + key31 + "0c00000161" + "0d000050" + "00".repeat(80))));
    }

    @Test
    void rejectsTooManyFields() {
        assertEquals("17 fields exceed the limit of 16", rejection(hex("01" + "17" + "0178" + "11")));
    }

    @Test
    void rejectsWholeStanzaLargerThanAFrame() {
        assertTrue(rejection(new byte[StanzaCodec.MAX_STANZA_LENGTH + 1]).contains("exceeds"));
    }

    @Test
    void rejectsNonMinimalNumbersSoThatEncodingStaysCanonical() {
        assertEquals("COUNT is not in minimal form (leading zero byte)",
                rejection(hex("01" + "0e" + "0178" + "01" + "13000002" + "0005")));
    }

    @Test
    void rejectsFlagWithAValue() {
        assertEquals("DEVICE_LIST_CHANGED is 1 bytes, allowed 0..0",
                rejection(hex("01" + "13" + "0178" + "01" + "17000001" + "00")));
    }

    @Test
    void rejectsInvalidUtf8() {
        // 0xC0 0xAF is an overlong '/', which a lenient decoder would accept and re-encode differently.
        assertEquals("REF is not valid UTF-8", rejection(hex("01" + "07" + "0178" + "01" + "0c000002" + "c0af")));
    }

    @Test
    void rejectsBadStanzaId() {
        assertEquals("stanza id must be printable ASCII without spaces", rejection(hex("01" + "17" + "0120" + "00")));
        assertTrue(rejection(hex("01" + "17" + "00" + "00")).startsWith("stanza id must be 1..64"));
    }

    @Test
    void rejectsListClaimingMoreElementsThanFitWithoutAllocatingThem() {
        // DEVICES says 1000 elements in a 2-byte value.
        assertEquals("DEVICES claims 1000 elements but is truncated",
                rejection(hex("01" + "0f" + "0178" + "01" + "14000002" + "03e8")));
    }

    @Test
    void rejectsListElementOverrunningItsField() {
        // one device: account length 5 but only "49" then device id.
        assertTrue(rejection(hex("01" + "0f" + "0178" + "01" + "14000007" + "0001" + "05" + "3439" + "0000"))
                .startsWith("truncated DEVICES account"));
    }

    @Test
    void rejectsUnknownCiphertextKind() {
        String entry = "01" + "31" + "0000" + "07" + "000001" + "aa";
        String ciphertexts = "0001" + entry;
        String value = "01000001" + "31" + "15" + String.format("%06x", ciphertexts.length() / 2) + ciphertexts;
        assertEquals("CIPHERTEXTS has unknown ciphertext kind 7", rejection(hex("01" + "11" + "0178" + "02" + value)));
    }

    @Test
    void encodeRefusesValuesOutsideTheirLimits() {
        Stanza tooLongRef = Stanza.builder(StanzaType.PAIR_CODE_REF, "r").text(StanzaField.REF, "x".repeat(129)).build();
        assertThrows(StanzaFormatException.class, () -> StanzaCodec.encode(tooLongRef));
        Stanza shortKey = Stanza.builder(StanzaType.PAIR_CODE_PRIMARY_HELLO, "r").text(StanzaField.REF, "r")
                .bytes(StanzaField.WRAPPED_KEY, new byte[80]).bytes(StanzaField.IDENTITY_KEY, new byte[31]).build();
        assertThrows(StanzaFormatException.class, () -> StanzaCodec.encode(shortKey));
        Stanza notAPhone = Stanza.builder(StanzaType.LOGIN, "l").text(StanzaField.ACCOUNT, "+49 151")
                .number(StanzaField.DEVICE, 1).text(StanzaField.PLATFORM, "web").build();
        assertThrows(StanzaFormatException.class, () -> StanzaCodec.encode(notAPhone));
    }

    @Test
    void largeFanOutFitsAndRoundTrips() throws Exception {
        Random random = new Random(1);
        List<DeviceCiphertext> copies = new java.util.ArrayList<>();
        for (int i = 0; i < StanzaCodec.MAX_LIST_ELEMENTS; i++) {
            copies.add(new DeviceCiphertext(new DeviceAddress("4915112345" + (i % 100), i % 5),
                    CiphertextKind.MESSAGE, StanzaSamples.bytes(random, 300)));
        }
        Stanza message = Stanza.builder(StanzaType.MESSAGE, "big").text(StanzaField.ACCOUNT, "4915112345678")
                .ciphertexts(StanzaField.CIPHERTEXTS, copies).build();
        assertEquals(message, StanzaCodec.decode(StanzaCodec.encode(message)));
    }

    private static byte[] hex(String hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HexFormat.of().parseHex(hex));
        return out.toByteArray();
    }
}
