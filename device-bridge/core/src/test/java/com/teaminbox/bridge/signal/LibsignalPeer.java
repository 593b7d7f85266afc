package com.teaminbox.bridge.signal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One device of the npm package libsignal, running in Node as src/test/node/libsignal-peer/peer.js,
 * driven one line per request. The first start installs the package from its lock file with
 * {@code npm ci} into target/libsignal-peer; Node.js and npm must be on the PATH.
 */
final class LibsignalPeer implements AutoCloseable {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path SOURCE = MODULE.resolve("src/test/node/libsignal-peer");
    private static final Path INSTALL = MODULE.resolve("target/libsignal-peer");
    private static final long NPM_TIMEOUT_SECONDS = 300;

    private final Process node;
    private final BufferedWriter requests;
    private final BufferedReader answers;

    private LibsignalPeer(Process node) {
        this.node = node;
        this.requests = new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8));
        this.answers = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    }

    static LibsignalPeer start() throws IOException, InterruptedException {
        install();
        Process node = new ProcessBuilder("node", "peer.js")
                .directory(INSTALL.toFile())
                .redirectError(INSTALL.resolve("peer.log").toFile())
                .start();
        return new LibsignalPeer(node);
    }

    /** Sends one request; returns the words of an "ok" answer, or fails with the peer's error. */
    List<String> request(Object... words) throws IOException {
        requests.write(String.join(" ", Arrays.stream(words).map(LibsignalPeer::word).toList()));
        requests.newLine();
        requests.flush();
        String answer = answers.readLine();
        if (answer == null) {
            throw new IOException("the libsignal peer exited; see " + INSTALL.resolve("peer.log"));
        }
        List<String> parts = List.of(answer.split(" "));
        if (!parts.get(0).equals("ok")) {
            throw new PeerRefusedException(answer.substring(answer.indexOf(' ') + 1));
        }
        return parts.subList(1, parts.size());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        requests.close(); // peer.js ends with its input
        if (!node.waitFor(5, TimeUnit.SECONDS)) {
            node.destroy();
        }
    }

    private static String word(Object value) {
        if (value == null) {
            return "-";
        }
        return value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
    }

    /** Copies the peer next to its own node_modules and runs npm ci when the lock file changed. */
    private static synchronized void install() throws IOException, InterruptedException {
        requireNode();
        Files.createDirectories(INSTALL);
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, INSTALL.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path installedLock = INSTALL.resolve("node_modules/.installed-package-lock.json");
        byte[] lock = Files.readAllBytes(SOURCE.resolve("package-lock.json"));
        if (Files.exists(installedLock) && Arrays.equals(lock, Files.readAllBytes(installedLock))) {
            return;
        }
        Path log = INSTALL.resolve("npm-ci.log");
        Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                .directory(INSTALL.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!npm.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            npm.destroy();
            throw new IllegalStateException("npm ci could not install the libsignal package from the npm registry into "
                    + INSTALL + " (is the registry reachable?):\n" + Files.readString(log));
        }
        Files.write(installedLock, lock);
    }

    private static void requireNode() throws InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("node", "npm")) {
            try {
                Process probe = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor() != 0) {
                    missing.add(tool);
                }
            } catch (IOException e) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The Signal interoperability tests run the npm package libsignal in Node.js as an"
                    + " independent implementation, but " + String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not on the PATH:"
                    + " install Node.js 18 or later with npm (CI machines have it).");
        }
    }

    /** The peer refused a request, e.g. a message libsignal would not decrypt. */
    static final class PeerRefusedException extends IOException {
        PeerRefusedException(String message) {
            super(message);
        }
    }
}
