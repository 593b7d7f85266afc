package com.teaminbox.bridge.stanza;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of the stanza wire format (version 1).
 *
 * <pre>
 * stanza := version(1) = 0x01 | type(1) | idLength(1) | id (printable ASCII) | fieldCount(1) | field*
 * field  := tag(1) | length(3, big-endian) | value
 * </pre>
 *
 * Rules that make it strict and canonical, so that decode-then-encode gives back the same bytes:
 * tags strictly ascending (no duplicates), only tags the type allows and all it requires, every
 * value within its field's length limit, numbers in minimal big-endian form, flags only when
 * true and empty, UTF-8 strictly valid, nothing after the last field, and the whole stanza no
 * longer than a transport frame. Lengths are checked against the bytes actually present
 * before anything is allocated, so a hostile length never costs more memory than the frame.
 */
public final class StanzaCodec {

    public static final int FORMAT_VERSION = 1;
    /** A transport frame has a 3-byte length, so nothing longer can arrive in one. */
    public static final int MAX_STANZA_LENGTH = 0xFFFFFF;
    public static final int MAX_FIELDS = 16;
    public static final int MAX_LIST_ELEMENTS = 1024;

    private static final int FIELD_HEADER_LENGTH = 4;
    private static final int MAX_LIST_TEXT_LENGTH = 0xFFFF;
    private static final int MAX_CIPHERTEXT_LENGTH = 0xFFFFFF;

    private StanzaCodec() {
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Reads one stanza from a whole transport frame payload.
     *
     * @throws StanzaFormatException for anything that is not exactly one well-formed stanza
     */
    public static Stanza decode(byte[] frame) throws StanzaFormatException {
        if (frame == null) {
            throw new StanzaFormatException("no frame");
        }
        if (frame.length > MAX_STANZA_LENGTH) {
            throw new StanzaFormatException("stanza of " + frame.length + " bytes exceeds " + MAX_STANZA_LENGTH);
        }
        Reader in = new Reader(frame, 0, frame.length);
        int version = in.u8("format version");
        if (version != FORMAT_VERSION) {
            throw new StanzaFormatException("unsupported format version " + version);
        }
        int typeCode = in.u8("stanza type");
        StanzaType type = StanzaType.fromCode(typeCode);
        if (type == null) {
            throw new StanzaFormatException("unknown stanza type " + typeCode);
        }
        String id = in.ascii(in.u8("id length"), "stanza id");
        String idProblem = Stanza.problemWithId(id);
        if (idProblem != null) {
            throw new StanzaFormatException(idProblem);
        }
        int fieldCount = in.u8("field count");
        if (fieldCount > MAX_FIELDS) {
            throw new StanzaFormatException(fieldCount + " fields exceed the limit of " + MAX_FIELDS);
        }
        EnumMap<StanzaField, Object> fields = new EnumMap<>(StanzaField.class);
        int previousTag = -1;
        for (int i = 0; i < fieldCount; i++) {
            int tag = in.u8("field tag");
            StanzaField field = StanzaField.fromTag(tag);
            if (field == null) {
                throw new StanzaFormatException("unknown field tag " + tag);
            }
            if (tag == previousTag) {
                throw new StanzaFormatException("duplicate field " + field);
            }
            if (tag < previousTag) {
                throw new StanzaFormatException("field " + field + " out of tag order");
            }
            previousTag = tag;
            if (!type.allows(field)) {
                throw new StanzaFormatException(type.wireName() + " stanza does not carry " + field);
            }
            int length = in.u24("length of " + field);
            if (length < field.minLength() || length > field.maxLength()) {
                throw new StanzaFormatException(field + " is " + length + " bytes, allowed "
                        + field.minLength() + ".." + field.maxLength());
            }
            Reader value = in.sub(length, field.toString());
            fields.put(field, readValue(field, value));
            value.expectEnd(field.toString());
        }
        in.expectEnd("stanza");
        String problem = Stanza.problemWith(type, id, fields);
        if (problem != null) {
            throw new StanzaFormatException(problem);
        }
        return Stanza.trusted(type, id, fields);
    }

    private static Object readValue(StanzaField field, Reader in) throws StanzaFormatException {
        String name = field.toString();
        switch (field.kind()) {
            case TEXT: {
                String text = in.utf8(in.remaining(), name);
                if (isAccountField(field) && !DeviceAddress.isValidAccount(text)) {
                    throw new StanzaFormatException(name + " is not a phone number of digits");
                }
                return text;
            }
            case BYTES:
                return in.bytes(in.remaining(), name);
            case NUMBER:
                return readNumber(in, name);
            case FLAG:
                return Boolean.TRUE; // the length limit 0..0 has already been checked
            case TEXT_LIST: {
                int count = listCount(in, 2 + 1, name);
                List<String> texts = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int length = in.u16(name + " element length");
                    if (length == 0) {
                        throw new StanzaFormatException(name + " has an empty element");
                    }
                    texts.add(in.utf8(length, name));
                }
                return List.copyOf(texts);
            }
            case DEVICE_LIST: {
                int count = listCount(in, 1 + 1 + 2, name);
                List<DeviceAddress> devices = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    devices.add(readDeviceAddress(in, name));
                }
                return List.copyOf(devices);
            }
            case CIPHERTEXT_LIST: {
                int count = listCount(in, 1 + 1 + 2 + 1 + 3 + 1, name);
                List<DeviceCiphertext> ciphertexts = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    DeviceAddress device = readDeviceAddress(in, name);
                    int kindCode = in.u8(name + " ciphertext kind");
                    CiphertextKind kind = CiphertextKind.fromCode(kindCode);
                    if (kind == null) {
                        throw new StanzaFormatException(name + " has unknown ciphertext kind " + kindCode);
                    }
                    int length = in.u24(name + " ciphertext length");
                    if (length == 0) {
                        throw new StanzaFormatException(name + " has an empty ciphertext");
                    }
                    ciphertexts.add(new DeviceCiphertext(device, kind, in.bytes(length, name)));
                }
                return List.copyOf(ciphertexts);
            }
            case PREKEY_LIST: {
                int count = listCount(in, 3 + OneTimePreKey.KEY_LENGTH, name);
                List<OneTimePreKey> preKeys = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int id = in.u24(name + " prekey id");
                    preKeys.add(new OneTimePreKey(id, in.bytes(OneTimePreKey.KEY_LENGTH, name)));
                }
                return List.copyOf(preKeys);
            }
            default:
                throw new StanzaFormatException("no decoder for " + field.kind());
        }
    }

    private static long readNumber(Reader in, String name) throws StanzaFormatException {
        int length = in.remaining();
        long value = 0;
        for (int i = 0; i < length; i++) {
            int b = in.u8(name);
            if (i == 0 && b == 0) {
                throw new StanzaFormatException(name + " is not in minimal form (leading zero byte)");
            }
            if (i == 0 && length == 8 && b >= 0x80) {
                throw new StanzaFormatException(name + " exceeds the largest number");
            }
            value = (value << 8) | b;
        }
        return value;
    }

    /** Reads a list's element count and checks that that many elements can fit at all. */
    private static int listCount(Reader in, int minElementLength, String name) throws StanzaFormatException {
        int count = in.u16(name + " element count");
        if (count > MAX_LIST_ELEMENTS) {
            throw new StanzaFormatException(name + " has " + count + " elements, limit " + MAX_LIST_ELEMENTS);
        }
        if ((long) count * minElementLength > in.remaining()) {
            throw new StanzaFormatException(name + " claims " + count + " elements but is truncated");
        }
        return count;
    }

    private static DeviceAddress readDeviceAddress(Reader in, String name) throws StanzaFormatException {
        int accountLength = in.u8(name + " account length");
        String account = in.ascii(accountLength, name + " account");
        if (!DeviceAddress.isValidAccount(account)) {
            throw new StanzaFormatException(name + " holds an account that is not a phone number of digits");
        }
        return new DeviceAddress(account, in.u16(name + " device id"));
    }

    private static boolean isAccountField(StanzaField field) {
        return field == StanzaField.ACCOUNT || field == StanzaField.SENDER_ACCOUNT;
    }

    /** Bounds-checked view of part of the frame; every read names what it was reading. */
    private static final class Reader {
        private final byte[] data;
        private int position;
        private final int end;

        Reader(byte[] data, int offset, int end) {
            this.data = data;
            this.position = offset;
            this.end = end;
        }

        int remaining() {
            return end - position;
        }

        private void need(int count, String what) throws StanzaFormatException {
            if (count > remaining()) {
                throw new StanzaFormatException("truncated " + what + ": need " + count
                        + " bytes, " + remaining() + " left");
            }
        }

        int u8(String what) throws StanzaFormatException {
            need(1, what);
            return data[position++] & 0xff;
        }

        int u16(String what) throws StanzaFormatException {
            need(2, what);
            int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
            position += 2;
            return value;
        }

        int u24(String what) throws StanzaFormatException {
            need(3, what);
            int value = ((data[position] & 0xff) << 16) | ((data[position + 1] & 0xff) << 8)
                    | (data[position + 2] & 0xff);
            position += 3;
            return value;
        }

        byte[] bytes(int length, String what) throws StanzaFormatException {
            need(length, what);
            byte[] copy = Arrays.copyOfRange(data, position, position + length);
            position += length;
            return copy;
        }

        String utf8(int length, String what) throws StanzaFormatException {
            need(length, what);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer chars = decoder.decode(ByteBuffer.wrap(data, position, length));
                position += length;
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw new StanzaFormatException(what + " is not valid UTF-8");
            }
        }

        String ascii(int length, String what) throws StanzaFormatException {
            need(length, what);
            for (int i = position; i < position + length; i++) {
                if (data[i] < 0) {
                    throw new StanzaFormatException(what + " is not ASCII");
                }
            }
            String text = new String(data, position, length, StandardCharsets.US_ASCII);
            position += length;
            return text;
        }

        Reader sub(int length, String what) throws StanzaFormatException {
            need(length, what);
            Reader sub = new Reader(data, position, position + length);
            position += length;
            return sub;
        }

        void expectEnd(String what) throws StanzaFormatException {
            if (position != end) {
                throw new StanzaFormatException(remaining() + " trailing bytes after " + what);
            }
        }
    }

    // ---------------------------------------------------------------- encoding

    /**
     * Writes a stanza in its canonical form.
     *
     * @throws StanzaFormatException if a value breaks its field's limits or the whole stanza
     *                               would not fit in one transport frame
     */
    public static byte[] encode(Stanza stanza) throws StanzaFormatException {
        Writer out = new Writer();
        out.u8(FORMAT_VERSION);
        out.u8(stanza.type().code());
        byte[] id = stanza.id().getBytes(StandardCharsets.US_ASCII);
        out.u8(id.length);
        out.raw(id);
        Map<StanzaField, Object> fields = stanza.fieldsInTagOrder();
        if (fields.size() > MAX_FIELDS) {
            throw new StanzaFormatException(fields.size() + " fields exceed the limit of " + MAX_FIELDS);
        }
        out.u8(fields.size());
        for (Map.Entry<StanzaField, Object> entry : fields.entrySet()) {
            StanzaField field = entry.getKey();
            Writer value = new Writer();
            writeValue(field, entry.getValue(), value);
            if (value.size() < field.minLength() || value.size() > field.maxLength()) {
                throw new StanzaFormatException(field + " is " + value.size() + " bytes, allowed "
                        + field.minLength() + ".." + field.maxLength());
            }
            out.u8(field.tag());
            out.u24(value.size());
            out.raw(value.toByteArray());
            if (out.size() > MAX_STANZA_LENGTH) {
                throw new StanzaFormatException("stanza exceeds " + MAX_STANZA_LENGTH + " bytes");
            }
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(StanzaField field, Object value, Writer out) throws StanzaFormatException {
        String name = field.toString();
        switch (field.kind()) {
            case TEXT: {
                String text = (String) value;
                if (isAccountField(field) && !DeviceAddress.isValidAccount(text)) {
                    throw new StanzaFormatException(name + " is not a phone number of digits");
                }
                out.raw(strictUtf8(text, name));
                return;
            }
            case BYTES:
                out.raw((byte[]) value);
                return;
            case NUMBER: {
                long number = (Long) value;
                int length = (64 - Long.numberOfLeadingZeros(number) + 7) / 8;
                for (int i = length - 1; i >= 0; i--) {
                    out.u8((int) (number >>> (8 * i)) & 0xff);
                }
                return;
            }
            case FLAG:
                return;
            case TEXT_LIST: {
                List<String> texts = (List<String>) value;
                writeCount(texts.size(), name, out);
                for (String text : texts) {
                    byte[] bytes = strictUtf8(text, name);
                    if (bytes.length == 0 || bytes.length > MAX_LIST_TEXT_LENGTH) {
                        throw new StanzaFormatException(name + " element must be 1.." + MAX_LIST_TEXT_LENGTH + " bytes");
                    }
                    out.u16(bytes.length);
                    out.raw(bytes);
                }
                return;
            }
            case DEVICE_LIST: {
                List<DeviceAddress> devices = (List<DeviceAddress>) value;
                writeCount(devices.size(), name, out);
                for (DeviceAddress device : devices) {
                    writeDeviceAddress(device, out);
                }
                return;
            }
            case CIPHERTEXT_LIST: {
                List<DeviceCiphertext> ciphertexts = (List<DeviceCiphertext>) value;
                writeCount(ciphertexts.size(), name, out);
                for (DeviceCiphertext ciphertext : ciphertexts) {
                    writeDeviceAddress(ciphertext.device(), out);
                    out.u8(ciphertext.kind().code());
                    byte[] bytes = ciphertext.ciphertext();
                    if (bytes.length > MAX_CIPHERTEXT_LENGTH) {
                        throw new StanzaFormatException(name + " ciphertext too long");
                    }
                    out.u24(bytes.length);
                    out.raw(bytes);
                }
                return;
            }
            case PREKEY_LIST: {
                List<OneTimePreKey> preKeys = (List<OneTimePreKey>) value;
                writeCount(preKeys.size(), name, out);
                for (OneTimePreKey preKey : preKeys) {
                    out.u24(preKey.id());
                    out.raw(preKey.publicKey());
                }
                return;
            }
            default:
                throw new StanzaFormatException("no encoder for " + field.kind());
        }
    }

    private static void writeCount(int count, String name, Writer out) throws StanzaFormatException {
        if (count > MAX_LIST_ELEMENTS) {
            throw new StanzaFormatException(name + " has " + count + " elements, limit " + MAX_LIST_ELEMENTS);
        }
        out.u16(count);
    }

    private static void writeDeviceAddress(DeviceAddress device, Writer out) {
        byte[] account = device.account().getBytes(StandardCharsets.US_ASCII);
        out.u8(account.length);
        out.raw(account);
        out.u16(device.device());
    }

    /** Refuses unpaired surrogates instead of silently writing '?', which would not read back the same. */
    private static byte[] strictUtf8(String text, String name) throws StanzaFormatException {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new StanzaFormatException(name + " cannot be written as UTF-8");
        }
    }

    /** Growable output buffer. */
    private static final class Writer {
        private byte[] buffer = new byte[64];
        private int size;

        void u8(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
        }

        void u16(int value) {
            u8(value >>> 8);
            u8(value);
        }

        void u24(int value) {
            u8(value >>> 16);
            u8(value >>> 8);
            u8(value);
        }

        void raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(int extra) {
            if (size + extra > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
            }
        }
    }
}
