package com.teaminbox.bridge.stanza;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One stanza of every type with every field its type allows, filled with plausible values. */
final class StanzaSamples {

    private StanzaSamples() {
    }

    static List<Stanza> everyType() {
        List<Stanza> samples = new ArrayList<>();
        for (StanzaType type : StanzaType.values()) {
            samples.add(full(type, new Random(type.code())));
        }
        return samples;
    }

    static Stanza full(StanzaType type, Random random) {
        Stanza.Builder builder = Stanza.builder(type, type.wireName() + "-" + type.code());
        for (StanzaField field : type.allowedFields()) {
            fill(builder, field, random);
        }
        return builder.build();
    }

    static Stanza minimal(StanzaType type, Random random) {
        Stanza.Builder builder = Stanza.builder(type, "m" + type.code());
        for (StanzaField field : type.requiredFields()) {
            fill(builder, field, random);
        }
        return builder.build();
    }

    private static void fill(Stanza.Builder builder, StanzaField field, Random random) {
        switch (field.kind()) {
            case TEXT -> builder.text(field, textFor(field, random));
            case BYTES -> builder.bytes(field, bytes(random, field.minLength() + random.nextInt(
                    Math.min(field.maxLength(), 200) - field.minLength() + 1)));
            case NUMBER -> builder.number(field, (random.nextLong() >>> 1) >>> (64 - 8 * field.maxLength()));
            case FLAG -> builder.flag(field, true);
            case TEXT_LIST -> builder.texts(field, List.of("2@Zq8b9xQ/ref-one", "ünïcode-ref-✓", "3"));
            case DEVICE_LIST -> builder.devices(field, List.of(
                    new DeviceAddress("4915112345678", 0), new DeviceAddress("4915112345678", 3),
                    new DeviceAddress("14155550100", 65535)));
            case CIPHERTEXT_LIST -> builder.ciphertexts(field, List.of(
                    new DeviceCiphertext(new DeviceAddress("4915112345678", 0), CiphertextKind.MESSAGE, bytes(random, 57)),
                    new DeviceCiphertext(new DeviceAddress("14155550100", 2), CiphertextKind.PREKEY_MESSAGE, bytes(random, 181))));
            case PREKEY_LIST -> builder.preKeys(field, List.of(
                    new OneTimePreKey(1, bytes(random, 32)), new OneTimePreKey(0xFFFFFF, bytes(random, 32))));
            default -> throw new AssertionError(field);
        }
    }

    private static String textFor(StanzaField field, Random random) {
        return switch (field) {
            case ACCOUNT, SENDER_ACCOUNT -> "4915112345678";
            case PLATFORM -> "Team Inbox (Chrome)";
            case RECEIPT_KIND -> "read";
            case REASON -> "device_removed";
            case BUSINESS_NAME -> "Bäckerei Müller";
            default -> "ref-" + Integer.toHexString(random.nextInt());
        };
    }

    static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
