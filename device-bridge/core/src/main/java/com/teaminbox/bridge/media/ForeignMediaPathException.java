package com.teaminbox.bridge.media;

/**
 * A message's media reference points somewhere other than a blob on the network's media host
 * (an absolute URL, another host, a walk out of the media folder, a malformed name). Nothing is
 * fetched from it: a sender could otherwise make the reader request any address it can reach.
 */
public final class ForeignMediaPathException extends Exception {

    private static final long serialVersionUID = 1L;

    public ForeignMediaPathException(String message) {
        super(message);
    }
}
