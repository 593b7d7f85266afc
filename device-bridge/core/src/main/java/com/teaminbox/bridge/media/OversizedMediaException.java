package com.teaminbox.bridge.media;

import java.io.IOException;

/**
 * The media host sent (or announced) more bytes than the message's file can take once
 * encrypted. Reading stopped at the limit; the bytes are discarded.
 */
public final class OversizedMediaException extends IOException {

    private static final long serialVersionUID = 1L;

    public OversizedMediaException(String message) {
        super(message);
    }
}
