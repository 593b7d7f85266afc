package com.teaminbox.bridge.media;

import com.teaminbox.bridge.fanout.MediaReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encrypts an attachment under a fresh media key and puts the blob (ciphertext ‖ MAC) on the
 * network's media host; the returned reference is what the message carries. The host never
 * sees the key or the plaintext.
 *
 * <p>The host answers {@code 201} with {@code {"directPath":"/media/<sha-256 of the blob>"}};
 * the path must name the blob's own hash, so a host cannot hand back someone else's file.
 */
public final class MediaUpload {

    public static final String UPLOAD_PATH = "/media/";
    private static final Pattern DIRECT_PATH = Pattern.compile("\"directPath\"\\s*:\\s*\"(/media/[0-9a-f]{64})\"");

    private final HttpClient http;
    private final URI mediaHost;
    private final Duration timeout;

    public MediaUpload(HttpClient http, URI mediaHost, Duration timeout) {
        this.http = http;
        this.mediaHost = mediaHost;
        this.timeout = timeout;
    }

    /** @throws IOException the media host could not be reached or refused the blob */
    public MediaReference upload(String mimeType, byte[] file, SecureRandom random) throws IOException {
        byte[] mediaKey = new byte[MediaReference.MEDIA_KEY_LENGTH];
        random.nextBytes(mediaKey);
        try {
            EncryptedMedia encrypted = MediaCipher.encrypt(MediaType.forMimeType(mimeType), mediaKey, file);
            String path = put(encrypted);
            return new MediaReference(path, mimeType, mediaKey, encrypted.fileSha256(), encrypted.fileEncSha256(),
                    encrypted.size());
        } finally {
            Arrays.fill(mediaKey, (byte) 0);
        }
    }

    private String put(EncryptedMedia encrypted) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(mediaHost.resolve(UPLOAD_PATH)).timeout(timeout)
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(encrypted.blob())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading an attachment", e);
        }
        if (response.statusCode() != 201) {
            throw new IOException("the media host answered " + response.statusCode() + " to the upload");
        }
        Matcher path = DIRECT_PATH.matcher(response.body());
        String expected = UPLOAD_PATH + HexFormat.of().formatHex(encrypted.fileEncSha256());
        if (!path.find() || !path.group(1).equals(expected)) {
            throw new IOException("the media host did not store the blob under its hash: " + response.body());
        }
        return expected;
    }
}
