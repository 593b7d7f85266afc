package com.teaminbox.bridge.media;

import com.teaminbox.bridge.fanout.MediaReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches an attachment's blob from the network's media host and opens it with what the message
 * said (key, both hashes, size). The host only ever sees ciphertext; any change to the blob ends
 * in {@link MediaTamperedException}, never in wrong bytes.
 */
public final class MediaDownload {

    private final HttpClient http;
    private final URI mediaHost;
    private final Duration timeout;

    public MediaDownload(HttpClient http, URI mediaHost, Duration timeout) {
        this.http = http;
        this.mediaHost = mediaHost;
        this.timeout = timeout;
    }

    /**
     * @throws MediaTamperedException the blob does not match the message
     * @throws IOException            the media host could not be reached or has no such blob
     */
    public byte[] download(MediaReference media) throws MediaTamperedException, IOException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(mediaHost.resolve(media.directPath())).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + media.directPath(), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("the media host answered " + response.statusCode() + " for " + media.directPath());
        }
        return open(media, response.body());
    }

    /** Opens a downloaded blob against the message's reference. */
    public static byte[] open(MediaReference media, byte[] blob) throws MediaTamperedException {
        byte[] key = media.mediaKey();
        try {
            return MediaCipher.decrypt(MediaType.forMimeType(media.mimeType()), key,
                    new EncryptedMedia(blob, media.fileSha256(), media.fileEncSha256(), media.fileLength()));
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }
}
