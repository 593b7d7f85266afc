package com.teaminbox.sandbox.server;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.noise.CertificateDetails;
import com.teaminbox.bridge.noise.ServerCertificate;
import com.teaminbox.bridge.noise.ServerCertificateChain;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;

/**
 * The sandbox network's own trust root: a root key, an intermediate and the server's Noise
 * static key certified by it. Made on first start and kept in {@code dataDir/server-identity.properties}
 * (private keys included: it is a sandbox) so that clients that pinned the root keep working
 * after a restart; the root public key is also written to {@code root-public-key.txt} for them.
 */
public final class ServerIdentity {

    public static final long ROOT_SERIAL = 0;
    private static final long INTERMEDIATE_SERIAL = 1;
    private static final long LEAF_SERIAL = 2;
    /** Long enough that moving the sandbox clock by months never outdates the chain. */
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final byte[] rootPublicKey;
    private final X25519KeyPair staticKey;
    private final ServerCertificateChain chain;

    private ServerIdentity(byte[] rootPublicKey, X25519KeyPair staticKey, ServerCertificateChain chain) {
        this.rootPublicKey = rootPublicKey;
        this.staticKey = staticKey;
        this.chain = chain;
    }

    public static ServerIdentity loadOrCreate(Path dataDir, Instant now, SecureRandom random) {
        Path file = dataDir.resolve("server-identity.properties");
        Properties keys = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                    keys.load(reader);
                }
            } else {
                X25519KeyPair root = X25519.generateKeyPair(random);
                X25519KeyPair intermediate = X25519.generateKeyPair(random);
                X25519KeyPair leaf = X25519.generateKeyPair(random);
                put(keys, "root", root);
                put(keys, "intermediate", intermediate);
                put(keys, "static", leaf);
                keys.setProperty("issued", Long.toString(now.getEpochSecond()));
                Path temporary = dataDir.resolve("server-identity.properties.tmp");
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII)) {
                    keys.store(writer, "sandbox network trust root: keep private");
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the server identity in " + file, e);
        }
        X25519KeyPair root = get(keys, "root");
        X25519KeyPair intermediate = get(keys, "intermediate");
        X25519KeyPair leaf = get(keys, "static");
        Instant issued = Instant.ofEpochSecond(Long.parseLong(keys.getProperty("issued"))).minus(Duration.ofDays(1));
        ServerCertificate intermediateCert = ServerCertificate.issue(new CertificateDetails(INTERMEDIATE_SERIAL, ROOT_SERIAL,
                intermediate.publicKey(), issued, issued.plus(VALIDITY)), root.privateKey(), random);
        ServerCertificate leafCert = ServerCertificate.issue(new CertificateDetails(LEAF_SERIAL, INTERMEDIATE_SERIAL,
                leaf.publicKey(), issued, issued.plus(VALIDITY)), intermediate.privateKey(), random);
        try {
            Files.writeString(dataDir.resolve("root-public-key.txt"),
                    Base64.getEncoder().encodeToString(root.publicKey()) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the root key", e);
        }
        return new ServerIdentity(root.publicKey(), leaf, new ServerCertificateChain(intermediateCert, leafCert));
    }

    private static void put(Properties keys, String name, X25519KeyPair pair) {
        keys.setProperty(name + ".public", Base64.getEncoder().encodeToString(pair.publicKey()));
        keys.setProperty(name + ".private", Base64.getEncoder().encodeToString(pair.privateKey()));
    }

    private static X25519KeyPair get(Properties keys, String name) {
        return new X25519KeyPair(Base64.getDecoder().decode(keys.getProperty(name + ".public")),
                Base64.getDecoder().decode(keys.getProperty(name + ".private")));
    }

    /** What clients pin. */
    public byte[] rootPublicKey() {
        return rootPublicKey.clone();
    }

    X25519KeyPair staticKey() {
        return staticKey;
    }

    byte[] encodedChain() {
        return chain.encode();
    }

    @Override
    public String toString() {
        return "ServerIdentity[root " + Base64.getEncoder().encodeToString(rootPublicKey) + "]";
    }
}
