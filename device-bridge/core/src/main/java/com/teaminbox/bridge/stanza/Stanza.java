package com.teaminbox.bridge.stanza;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One unit of the device–server conversation: a type, an id (to match acks and answers) and
 * typed fields. Immutable; built through {@link #builder(StanzaType, String)}, which enforces
 * the same rules as the decoder, so every built stanza can be encoded and read back.
 */
public final class Stanza {

    static final int MAX_ID_LENGTH = 64;

    private final StanzaType type;
    private final String id;
    private final EnumMap<StanzaField, Object> fields;

    private Stanza(StanzaType type, String id, EnumMap<StanzaField, Object> fields) {
        this.type = type;
        this.id = id;
        this.fields = fields;
    }

    public static Builder builder(StanzaType type, String id) {
        return new Builder(type, id);
    }

    public StanzaType type() {
        return type;
    }

    public String id() {
        return id;
    }

    public boolean has(StanzaField field) {
        return fields.containsKey(field);
    }

    public String text(StanzaField field) {
        return (String) require(field, FieldKind.TEXT);
    }

    public Optional<String> optionalText(StanzaField field) {
        return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    public byte[] bytes(StanzaField field) {
        return ((byte[]) require(field, FieldKind.BYTES)).clone();
    }

    public Optional<byte[]> optionalBytes(StanzaField field) {
        return has(field) ? Optional.of(bytes(field)) : Optional.empty();
    }

    public long number(StanzaField field) {
        return (Long) require(field, FieldKind.NUMBER);
    }

    /** A flag is false when absent, that is how the wire writes false. */
    public boolean flag(StanzaField field) {
        checkKind(field, FieldKind.FLAG);
        return fields.containsKey(field);
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(StanzaField field) {
        return (List<String>) require(field, FieldKind.TEXT_LIST);
    }

    @SuppressWarnings("unchecked")
    public List<DeviceAddress> devices(StanzaField field) {
        return (List<DeviceAddress>) require(field, FieldKind.DEVICE_LIST);
    }

    @SuppressWarnings("unchecked")
    public List<DeviceCiphertext> ciphertexts(StanzaField field) {
        return (List<DeviceCiphertext>) require(field, FieldKind.CIPHERTEXT_LIST);
    }

    @SuppressWarnings("unchecked")
    public List<OneTimePreKey> preKeys(StanzaField field) {
        return (List<OneTimePreKey>) require(field, FieldKind.PREKEY_LIST);
    }

    /** The fields in tag order, values as stored (byte arrays are not copied: codec use only). */
    Map<StanzaField, Object> fieldsInTagOrder() {
        return Collections.unmodifiableMap(fields);
    }

    private Object require(StanzaField field, FieldKind kind) {
        checkKind(field, kind);
        Object value = fields.get(field);
        if (value == null) {
            throw new IllegalStateException(type.wireName() + " stanza has no " + field);
        }
        return value;
    }

    private static void checkKind(StanzaField field, FieldKind kind) {
        if (field.kind() != kind) {
            throw new IllegalArgumentException(field + " is " + field.kind() + ", not " + kind);
        }
    }

    /** Why this combination cannot be a stanza, or null if it can. Shared by builder and decoder. */
    static String problemWith(StanzaType type, String id, Map<StanzaField, Object> fields) {
        if (type == null) {
            return "no stanza type";
        }
        String idProblem = problemWithId(id);
        if (idProblem != null) {
            return idProblem;
        }
        for (StanzaField field : fields.keySet()) {
            if (!type.allows(field)) {
                return type.wireName() + " stanza does not carry " + field;
            }
        }
        for (StanzaField field : type.requiredFields()) {
            if (!fields.containsKey(field)) {
                return type.wireName() + " stanza lacks " + field;
            }
        }
        return null;
    }

    static String problemWithId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return "stanza id must be 1.." + MAX_ID_LENGTH + " characters";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "stanza id must be printable ASCII without spaces";
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Stanza that) || type != that.type || !id.equals(that.id)
                || !fields.keySet().equals(that.fields.keySet())) {
            return false;
        }
        for (Map.Entry<StanzaField, Object> entry : fields.entrySet()) {
            Object mine = entry.getValue();
            Object theirs = that.fields.get(entry.getKey());
            boolean same = mine instanceof byte[] bytes ? Arrays.equals(bytes, (byte[]) theirs) : mine.equals(theirs);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(type, id);
        for (Map.Entry<StanzaField, Object> entry : fields.entrySet()) {
            Object value = entry.getValue();
            hash = 31 * hash + entry.getKey().hashCode()
                    + (value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value.hashCode());
        }
        return hash;
    }

    /** Shows field names and sizes only: values may be keys, signatures or message ciphertexts. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", type.wireName() + "[id=" + id + "; ", "]");
        for (Map.Entry<StanzaField, Object> entry : fields.entrySet()) {
            Object value = entry.getValue();
            String shown;
            if (value instanceof byte[] bytes) {
                shown = bytes.length + " bytes";
            } else if (value instanceof List<?> list) {
                shown = list.size() + " entries";
            } else if (entry.getKey().kind() == FieldKind.TEXT) {
                shown = ((String) value).length() + " chars";
            } else {
                shown = String.valueOf(value);
            }
            joiner.add(entry.getKey().name().toLowerCase() + "=" + shown);
        }
        return joiner.toString();
    }

    /** Collects fields; {@link #build()} checks them against the stanza type. */
    public static final class Builder {
        private final StanzaType type;
        private final String id;
        private final EnumMap<StanzaField, Object> fields = new EnumMap<>(StanzaField.class);

        private Builder(StanzaType type, String id) {
            this.type = type;
            this.id = id;
        }

        public Builder text(StanzaField field, String value) {
            return put(field, FieldKind.TEXT, Objects.requireNonNull(value, "value"));
        }

        public Builder bytes(StanzaField field, byte[] value) {
            return put(field, FieldKind.BYTES, Objects.requireNonNull(value, "value").clone());
        }

        public Builder number(StanzaField field, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(field + " must not be negative");
            }
            return put(field, FieldKind.NUMBER, value);
        }

        public Builder flag(StanzaField field, boolean value) {
            checkKind(field, FieldKind.FLAG);
            if (value) {
                fields.put(field, Boolean.TRUE);
            } else {
                fields.remove(field);
            }
            return this;
        }

        public Builder texts(StanzaField field, List<String> values) {
            for (String value : values) {
                Objects.requireNonNull(value, "list element");
            }
            return put(field, FieldKind.TEXT_LIST, List.copyOf(values));
        }

        public Builder devices(StanzaField field, List<DeviceAddress> values) {
            return put(field, FieldKind.DEVICE_LIST, List.copyOf(values));
        }

        public Builder ciphertexts(StanzaField field, List<DeviceCiphertext> values) {
            return put(field, FieldKind.CIPHERTEXT_LIST, List.copyOf(values));
        }

        public Builder preKeys(StanzaField field, List<OneTimePreKey> values) {
            return put(field, FieldKind.PREKEY_LIST, List.copyOf(values));
        }

        private Builder put(StanzaField field, FieldKind kind, Object value) {
            checkKind(field, kind);
            fields.put(field, value);
            return this;
        }

        /** @throws IllegalArgumentException if the type does not allow a field, lacks one, or the id is bad */
        public Stanza build() {
            String problem = problemWith(type, id, fields);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return new Stanza(type, id, new EnumMap<>(fields));
        }
    }

    /** Used by the decoder, which has already checked everything {@link Builder#build()} checks. */
    static Stanza trusted(StanzaType type, String id, EnumMap<StanzaField, Object> fields) {
        return new Stanza(type, id, fields);
    }
}
