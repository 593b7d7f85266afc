package com.teaminbox.bridge.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.teaminbox.bridge.crypto.Hkdf;
import com.teaminbox.bridge.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MediaCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();

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

    @Test
    void layoutFollowsTheProtocol() throws Exception {
        // iv ‖ aesKey ‖ macKey come from HKDF(mediaKey, info, 112); MAC is HMAC(iv ‖ ciphertext)[0..10].
        byte[] key = mediaKey();
        byte[] plaintext = "a photo".getBytes(StandardCharsets.UTF_8);
        byte[] expanded = Hkdf.derive(key, null, "WhatsApp Image Keys".getBytes(StandardCharsets.US_ASCII), 112);
        byte[] blob = MediaCipher.encrypt(MediaType.IMAGE, key, plaintext).blob();
        byte[] ciphertext = Arrays.copyOf(blob, blob.length - 10);
        byte[] expectedMac = Arrays.copyOf(HmacSha256.mac(Arrays.copyOfRange(expanded, 48, 80),
                Arrays.copyOf(expanded, 16), ciphertext), 10);
        assertArrayEquals(expectedMac, Arrays.copyOfRange(blob, blob.length - 10, blob.length));
        assertArrayEquals(ciphertext, com.teaminbox.bridge.crypto.AesCbc.encrypt(
                Arrays.copyOfRange(expanded, 16, 48), Arrays.copyOf(expanded, 16), plaintext));
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
