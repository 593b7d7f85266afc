package com.teaminbox.bridge.media;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a blob lies on the network's media host, in the only form the host hands out:
 * {@value #PREFIX} followed by the blob's SHA-256 as 64 lower-case hex characters. The path
 * arrives inside a sender's message, so it is checked before anything is stored or fetched:
 * an absolute URL, {@code //host/...} or {@code ../} would otherwise make the reader fetch
 * whatever the sender chose.
 */
public final class MediaPath {

    public static final String PREFIX = "/media/";
    private static final Pattern NETWORK_FORM = Pattern.compile("/media/[0-9a-f]{64}");

    private final String path;

    private MediaPath(String path) {
        this.path = path;
    }

    /** @throws ForeignMediaPathException the path is not in the network's own form */
    public static MediaPath of(String directPath) throws ForeignMediaPathException {
        if (!isNetworkForm(directPath)) {
            throw new ForeignMediaPathException("the media reference does not name a blob on the network's media host"
                    + " (" + PREFIX + " and 64 hex characters)");
        }
        return new MediaPath(directPath);
    }

    public static boolean isNetworkForm(String directPath) {
        return directPath != null && NETWORK_FORM.matcher(directPath).matches();
    }

    /**
     * This blob's address on the media host. Checked once more after resolving, so that even a
     * path stored before this check existed cannot lead to another scheme, host, port or folder.
     *
     * @throws ForeignMediaPathException the resolved address left the media host
     */
    public URI on(URI mediaHost) throws ForeignMediaPathException {
        URI resolved = mediaHost.resolve(path);
        boolean sameHost = Objects.equals(resolved.getScheme(), mediaHost.getScheme())
                && Objects.equals(resolved.getHost(), mediaHost.getHost())
                && resolved.getPort() == mediaHost.getPort()
                && resolved.getRawUserInfo() == null && resolved.getRawQuery() == null && resolved.getRawFragment() == null;
        if (!sameHost || !path.equals(resolved.getRawPath())) {
            throw new ForeignMediaPathException("the media reference resolves outside the network's media host");
        }
        return resolved;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MediaPath media && path.equals(media.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
