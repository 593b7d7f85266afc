package com.teaminbox.sandbox.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The network's media host: encrypted blobs (ciphertext ‖ MAC, never a key or plaintext) in the
 * data folder, named by the hash of the blob so a path says nothing about the content. Served
 * by the admin HTTP port under {@value #PATH_PREFIX}.
 */
public final class BlobStore {

    public static final String PATH_PREFIX = "/media/";
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}");

    private final Path folder;

    public BlobStore(Path dataDir) {
        this.folder = dataDir.resolve("media");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media folder " + folder, e);
        }
    }

    /** The largest blob the host takes: a 64 MiB attachment plus padding and MAC, with room to spare. */
    public static final int MAX_BLOB_BYTES = 65 * 1024 * 1024;

    /** Stores an uploaded blob under its own SHA-256; returns the direct path the message carries. */
    public String put(byte[] blob) {
        try {
            return put(java.security.MessageDigest.getInstance("SHA-256").digest(blob), blob);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Stores an encrypted blob; returns the direct path the message carries. */
    public String put(byte[] blobSha256, byte[] blob) {
        String name = HexFormat.of().formatHex(blobSha256);
        try {
            Files.write(folder.resolve(name), blob);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media blob " + name, e);
        }
        return PATH_PREFIX + name;
    }

    /** The blob at a direct path; empty for unknown or malformed paths (no walking out of the folder). */
    public Optional<byte[]> get(String directPath) {
        Optional<Path> file = fileOf(directPath);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media blob " + directPath, e);
        }
    }

    /** Where a blob lies on disk (tests use it to tamper with a stored blob). */
    public Optional<Path> fileOf(String directPath) {
        if (!directPath.startsWith(PATH_PREFIX)) {
            return Optional.empty();
        }
        String name = directPath.substring(PATH_PREFIX.length());
        return NAME.matcher(name).matches() ? Optional.of(folder.resolve(name)) : Optional.empty();
    }
}
