package com.teaminbox.bridge.media;

import com.teaminbox.bridge.fanout.MediaReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;

/**
 * Fetches an attachment's blob from the network's media host and opens it with what the message
 * said (key, both hashes, size). The host only ever sees ciphertext; any change to the blob ends
 * in {@link MediaTamperedException}, never in wrong bytes.
 *
 * <p>The reference came from a sender, so nothing in it is trusted: the path must be the
 * network's own form and stay on the media host ({@link MediaPath}), at most the encrypted size
 * of the announced file is read ({@link MediaCipher#blobLength}), and a host that stalls or
 * trickles is dropped ({@link TransferPace}). Redirects are not followed.
 */
public final class MediaDownload {

    private static final int CHUNK = 64 * 1024;

    private final URI mediaHost;
    private final TransferPace pace;

    public MediaDownload(URI mediaHost, TransferPace pace) {
        this.mediaHost = mediaHost;
        this.pace = pace;
    }

    /**
     * @throws MediaTamperedException    the blob does not match the message
     * @throws ForeignMediaPathException the reference points anywhere but a blob on the media host
     * @throws OversizedMediaException   the host sent or announced more than the file can take
     * @throws IOException               the media host could not be reached, has no such blob or is too slow
     */
    public byte[] download(MediaReference media) throws MediaTamperedException, ForeignMediaPathException, IOException {
        URI address = MediaPath.of(media.directPath()).on(mediaHost);
        return open(media, fetch(address, MediaCipher.blobLength(media.fileLength())));
    }

    private byte[] fetch(URI address, long limit) throws IOException {
        if (limit > Integer.MAX_VALUE - CHUNK) {
            throw new OversizedMediaException("the message announces a file of " + limit + " bytes, more than can be opened");
        }
        HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection(Proxy.NO_PROXY);
        try {
            connection.setInstanceFollowRedirects(false); // a redirect could lead anywhere
            connection.setConnectTimeout((int) pace.connectTimeout().toMillis());
            connection.setReadTimeout((int) pace.readTimeout().toMillis());
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("the media host answered " + status + " for " + address.getRawPath());
            }
            long announced = connection.getContentLengthLong();
            if (announced > limit) {
                throw new OversizedMediaException("the media host announced " + announced + " bytes for a file that is "
                        + limit + " bytes encrypted");
            }
            try (InputStream in = connection.getInputStream()) {
                return readAtMost(in, (int) limit);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the media host sent nothing for " + pace.readTimeout().toSeconds() + " s", e);
        } finally {
            connection.disconnect(); // never drain what a host still wants to send
        }
    }

    private byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream blob = new ByteArrayOutputStream(Math.min(limit, CHUNK));
        byte[] chunk = new byte[CHUNK];
        long started = System.nanoTime();
        int read;
        while ((read = in.read(chunk, 0, Math.min(CHUNK, limit + 1 - blob.size()))) != -1) {
            blob.write(chunk, 0, read);
            if (blob.size() > limit) {
                throw new OversizedMediaException("the media host sent more than the " + limit
                        + " bytes this file has encrypted; reading stopped");
            }
            pace.check(blob.size(), Duration.ofNanos(System.nanoTime() - started));
        }
        return blob.toByteArray();
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
