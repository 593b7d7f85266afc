package com.teaminbox.server.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https POST over a connection to the checked address: the receiver on 127.0.0.1 holds a
 * certificate for hooks.bakery.test only (made by keytool for this run, trusted only here). The
 * certificate is still checked against the URL's host, so a pinned connection cannot be used to
 * skip the check.
 */
class PinnedPostTest {

    private static final char[] PASSWORD = "test-only".toCharArray();
    private static final List<InetAddress> HERE = List.of(InetAddress.getLoopbackAddress());

    @TempDir
    static Path keys;
    static HttpsServer receiver;
    static SSLContext client;
    static final List<String> HOSTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startReceiver() throws Exception {
        Path store = keys.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hooks.bakery.test",
                "-ext", "SAN=dns:hooks.bakery.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);

        receiver = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setHttpsConfigurator(new HttpsConfigurator(server));
        receiver.createContext("/", exchange -> {
            HOSTS.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void theCertificateOfTheUrlsHostIsAcceptedOnTheCheckedAddress() throws Exception {
        int port = receiver.getAddress().getPort();
        assertEquals(202, PinnedPost.send(URI.create("https://hooks.bakery.test:" + port + "/hooks"), HERE,
                Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8), client.getSocketFactory()));
        assertTrue(HOSTS.contains("hooks.bakery.test:" + port), HOSTS.toString());
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        int port = receiver.getAddress().getPort();
        SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, () -> PinnedPost.send(
                URI.create("https://intranet.bakery.test:" + port + "/hooks"), HERE, Map.of(), new byte[0], client.getSocketFactory()));
        assertTrue(refused.getMessage().contains("intranet.bakery.test"), refused.getMessage());
    }

    @Test
    void anAddressThatRefusesTheConnectionIsSkippedForTheNext() throws Exception {
        int port = receiver.getAddress().getPort();
        List<InetAddress> firstDown = List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getLoopbackAddress());
        // 127.0.0.2 is loopback as well but nothing listens on it: connection refused, then 127.0.0.1.
        assertEquals(202, PinnedPost.send(URI.create("https://hooks.bakery.test:" + port + "/"), firstDown, Map.of(), new byte[0],
                client.getSocketFactory()));
    }
}
