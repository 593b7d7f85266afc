package com.teaminbox.bridge.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A checked-in vector file in test resources, written once by an implementation independent of
 * ours (src/test/node/libsignal-peer/make-vectors.js): named hex strings and numbers.
 */
public final class GoldenVectors {
    private final String resource;
    private final Properties values = new Properties();

    private GoldenVectors(String resource) {
        this.resource = resource;
    }

    /** @param resource a classpath resource, e.g. "/com/teaminbox/bridge/signal/libsignal-vectors.properties" */
    public static GoldenVectors load(String resource) {
        GoldenVectors vectors = new GoldenVectors(resource);
        try (InputStream in = GoldenVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            vectors.values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors;
    }

    public String text(String name) {
        String value = values.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(resource + " has no " + name);
        }
        return value;
    }

    public byte[] bytes(String name) {
        return HexFormat.of().parseHex(text(name));
    }

    public int number(String name) {
        return Integer.parseInt(text(name));
    }
}
