package com.teaminbox.bridge.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.teaminbox.bridge.vectors.GoldenVectors;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MediaCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final GoldenVectors VECTORS = GoldenVectors.load("/com/teaminbox/bridge/media/media-vectors.properties");

    @ParameterizedTest
    @EnumSource(MediaType.class)
    void roundTripsEveryType(MediaType type) throws Exception {
        byte[] key = mediaKey();
        byte[] plaintext = new byte[1000 + type.ordinal()];
        RANDOM.nextBytes(plaintext);

        EncryptedMedia media = MediaCipher.encrypt(type, key, plaintext);

        assertEquals(plaintext.length, media.size());
        assertEquals((plaintext.length / 16 + 1) * 16 + MediaCipher.MAC_LENGTH, media.blob().length);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(plaintext), media.fileSha256());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(media.blob()), media.fileEncSha256());
        assertArrayEquals(plaintext, MediaCipher.decrypt(type, key, media.blob()));
        assertArrayEquals(plaintext, MediaCipher.decrypt(type, key, media));
    }

    /**
     * Fixed media key in, exact bytes out, from Node's crypto module (make-vectors.js): HKDF-SHA256
     * with each type's info string to 112 bytes = iv ‖ aesKey ‖ macKey ‖ refKey; the blob is
     * AES-256-CBC ‖ HMAC-SHA256(macKey, iv ‖ ciphertext)[0..10].
     */
    @ParameterizedTest
    @EnumSource(MediaType.class)
    void matchesTheIndependentlyComputedVector(MediaType type) throws Exception {
        byte[] key = VECTORS.bytes("mediaKey");
        byte[] plaintext = VECTORS.bytes("plaintext");
        byte[] expanded = VECTORS.bytes(type + ".expanded");

        MediaKeys keys = MediaKeys.expand(type, key);
        assertArrayEquals(Arrays.copyOfRange(expanded, 0, 16), keys.iv);
        assertArrayEquals(Arrays.copyOfRange(expanded, 16, 48), keys.cipherKey);
        assertArrayEquals(Arrays.copyOfRange(expanded, 48, 80), keys.macKey);
        assertEquals(VECTORS.text(type + ".blob"), HexFormat.of().formatHex(MediaCipher.encrypt(type, key, plaintext).blob()));
        assertArrayEquals(plaintext, MediaCipher.decrypt(type, key, VECTORS.bytes(type + ".blob")));
    }

    @Test
    void aFlippedBitAnywhereIsTampering() {
        byte[] key = mediaKey();
        byte[] blob = MediaCipher.encrypt(MediaType.DOCUMENT, key, new byte[100]).blob();
        for (int bit = 0; bit < blob.length * 8; bit++) {
            byte[] altered = blob.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(MediaTamperedException.class, () -> MediaCipher.decrypt(MediaType.DOCUMENT, key, altered),
                    "bit " + bit);
        }
    }

    @Test
    void truncatedOrExtendedBlobIsTampering() {
        byte[] key = mediaKey();
        byte[] blob = MediaCipher.encrypt(MediaType.AUDIO, key, new byte[40]).blob();
        assertThrows(MediaTamperedException.class,
                () -> MediaCipher.decrypt(MediaType.AUDIO, key, Arrays.copyOf(blob, blob.length - 1)));
        assertThrows(MediaTamperedException.class,
                () -> MediaCipher.decrypt(MediaType.AUDIO, key, Arrays.copyOf(blob, blob.length + 1)));
        assertThrows(MediaTamperedException.class, () -> MediaCipher.decrypt(MediaType.AUDIO, key, new byte[5]));
    }

    @Test
    void wrongTypeOrWrongKeyIsTampering() {
        byte[] key = mediaKey();
        byte[] blob = MediaCipher.encrypt(MediaType.IMAGE, key, new byte[64]).blob();
        for (MediaType other : MediaType.values()) {
            if (other != MediaType.IMAGE) {
                assertThrows(MediaTamperedException.class, () -> MediaCipher.decrypt(other, key, blob), other.name());
            }
        }
        assertThrows(MediaTamperedException.class, () -> MediaCipher.decrypt(MediaType.IMAGE, mediaKey(), blob));
    }

    @Test
    void announcedHashOrSizeMismatchIsTampering() {
        byte[] key = mediaKey();
        EncryptedMedia media = MediaCipher.encrypt(MediaType.VIDEO, key, new byte[64]);
        EncryptedMedia wrongSize = new EncryptedMedia(media.blob(), media.fileSha256(), media.fileEncSha256(), 65);
        assertThrows(MediaTamperedException.class, () -> MediaCipher.decrypt(MediaType.VIDEO, key, wrongSize));
        byte[] otherHash = media.fileEncSha256();
        otherHash[0] ^= 1;
        EncryptedMedia wrongHash = new EncryptedMedia(media.blob(), media.fileSha256(), otherHash, 64);
        assertThrows(MediaTamperedException.class, () -> MediaCipher.decrypt(MediaType.VIDEO, key, wrongHash));
    }

    @Test
    void descriptionCarriesNoKeyMaterial() {
        byte[] key = mediaKey();
        String text = MediaCipher.encrypt(MediaType.IMAGE, key, new byte[1]).toString();
        assertFalse(text.contains(HexFormat.of().formatHex(key).substring(0, 8)));
        assertEquals("WhatsApp Video Keys", MediaType.VIDEO.hkdfInfo());
    }

    private static byte[] mediaKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
