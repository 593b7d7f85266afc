package com.teaminbox.bridge.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.teaminbox.bridge.fanout.MediaReference;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The download against a media host that misbehaves: too many bytes, a trickle, a redirect. */
class MediaDownloadTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TransferPace QUICK = new TransferPace(Duration.ofSeconds(2), Duration.ofSeconds(1), 1024,
            Duration.ofMillis(300));

    private HttpServer host;
    private URI hostUri;
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private byte[] blob;
    private MediaReference media;

    @BeforeEach
    void file() throws IOException {
        byte[] file = new byte[5_000];
        RANDOM.nextBytes(file);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        EncryptedMedia encrypted = MediaCipher.encrypt(MediaType.IMAGE, key, file);
        blob = encrypted.blob();
        media = new MediaReference("/media/" + HexFormat.of().formatHex(encrypted.fileEncSha256()), "image/png", key,
                encrypted.fileSha256(), encrypted.fileEncSha256(), file.length);
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.start();
        hostUri = URI.create("http://127.0.0.1:" + host.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        host.stop(0);
    }

    @Test
    void theAnnouncedFileIsFetchedAndOpened() throws Exception {
        serve(blob, blob.length, 0);
        byte[] opened = new MediaDownload(hostUri, QUICK).download(media);
        assertEquals(5_000, opened.length);
    }

    @Test
    void moreBytesThanTheFileHasEncryptedAreRefusedWithoutReadingOn() {
        byte[] endless = new byte[8 * 1024 * 1024]; // the blob, then megabytes more, sent without a length
        System.arraycopy(blob, 0, endless, 0, blob.length);
        serve(endless, 0, 0);
        OversizedMediaException refused = assertThrows(OversizedMediaException.class,
                () -> new MediaDownload(hostUri, QUICK).download(media));
        assertTrue(refused.getMessage().contains("reading stopped"), refused.getMessage());
        assertEquals(MediaCipher.blobLength(5_000), blob.length, "the limit is the exact encrypted size");
    }

    @Test
    void aLengthAboveTheLimitIsRefusedBeforeReading() {
        byte[] larger = new byte[blob.length + 1];
        serve(larger, larger.length, 0);
        assertThrows(OversizedMediaException.class, () -> new MediaDownload(hostUri, QUICK).download(media));
    }

    @Test
    void aHostThatTricklesIsDropped() {
        serve(blob, 0, 200); // one 100-byte piece every 200 ms: 500 B/s, below the 1 KB/s minimum
        IOException slow = assertThrows(IOException.class, () -> new MediaDownload(hostUri, QUICK).download(media));
        assertTrue(slow.getMessage().contains("slower than"), slow.getMessage());
    }

    @Test
    void aHostThatStallsIsDropped() {
        serve(blob, 0, 3_000);
        IOException stalled = assertThrows(IOException.class, () -> new MediaDownload(hostUri, QUICK).download(media));
        assertTrue(stalled.getMessage().contains("sent nothing for 1 s"), stalled.getMessage());
    }

    @Test
    void aRedirectIsNotFollowed() {
        host.createContext("/media/", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/secret");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        IOException refused = assertThrows(IOException.class, () -> new MediaDownload(hostUri, QUICK).download(media));
        assertTrue(refused.getMessage().contains("answered 302"), refused.getMessage());
    }

    @Test
    void aForeignReferenceIsNeverRequested() throws Exception {
        serve(blob, blob.length, 0);
        MediaReference hostile = new MediaReference(hostUri + "media/x", "image/png", new byte[32], new byte[32],
                new byte[32], 10);
        assertThrows(ForeignMediaPathException.class, () -> new MediaDownload(hostUri, QUICK).download(hostile));
        assertEquals(0, requests.get());
    }

    /** Serves {@code body} at every path, in 100-byte pieces {@code pauseMillis} apart; length 0 = chunked. */
    private void serve(byte[] body, long length, long pauseMillis) {
        host.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int at = 0; at < body.length; at += 100) {
                    out.write(body, at, Math.min(100, body.length - at));
                    bytesServed.addAndGet(Math.min(100, body.length - at));
                    if (pauseMillis > 0) {
                        out.flush();
                        Thread.sleep(pauseMillis);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the reader hung up: what these tests want
            }
            exchange.close();
        });
    }
}
