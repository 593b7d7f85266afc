package com.teaminbox.server.primary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST over a connection to an address that was already checked. Java 17's
 * java.net.http client resolves the host again when it connects and cannot be given an address
 * (nor, for plain http, a Host header of our choosing), so a name could be public at the check
 * and point inside a moment later (DNS rebinding). Here the socket goes to the checked address;
 * the Host header, the TLS server name and the certificate check still use the URL's host.
 * Redirects are not followed; only the status line of the answer is read.
 */
final class PinnedPost {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_STATUS_LINE = 1024;

    private PinnedPost() {
    }

    /**
     * Sends the body to the first of the addresses that accepts a connection; answers the status code.
     *
     * @param tls for https: the system's (trust store as for any outgoing TLS), a test's own in tests
     */
    static int send(URI url, List<InetAddress> addresses, Map<String, String> headers, byte[] body, SSLSocketFactory tls)
            throws IOException {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        IOException unreachable = new IOException("no address of " + url.getHost() + " accepted a connection");
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) CONNECT_TIMEOUT.toMillis());
            } catch (IOException e) {
                socket.close();
                unreachable.addSuppressed(e);
                continue;
            }
            try (Socket connection = https ? tls(tls, socket, WebhookDestination.bare(url.getHost()), port) : socket) {
                connection.setSoTimeout((int) READ_TIMEOUT.toMillis());
                OutputStream out = connection.getOutputStream();
                out.write(head(url, port, https, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return status(connection.getInputStream());
            }
        }
        throw unreachable;
    }

    private static Socket tls(SSLSocketFactory factory, Socket connected, String host, int port) throws IOException {
        SSLSocket tls = (SSLSocket) factory.createSocket(connected, host, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host
        if (!WebhookDestination.isLiteral(host) && !host.contains(":")) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private static String head(URI url, int port, boolean https, Map<String, String> headers, int length) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("User-Agent: TeamInbox-Webhook\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /** The code of a status line such as {@code HTTP/1.1 204 No Content}. */
    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1 || line.size() > MAX_STATUS_LINE) {
                throw new IOException("the webhook receiver closed the connection without an HTTP answer");
            }
            line.write(c);
        }
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).strip().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            throw new IOException("the webhook receiver did not answer in HTTP/1.1");
        }
        return Integer.parseInt(parts[1]);
    }
}
