package com.teaminbox.bridge.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaPathTest {

    /** What the sandbox's media host answers for an upload: the blob's SHA-256 in lower-case hex. */
    private static final String GOOD = "/media/" + "0123456789abcdef".repeat(4);
    private static final URI HOST = URI.create("http://127.0.0.1:7781/");

    @Test
    void theNetworksOwnFormIsAcceptedAndStaysOnTheHost() throws Exception {
        assertTrue(MediaPath.isNetworkForm(GOOD));
        assertEquals(URI.create("http://127.0.0.1:7781" + GOOD), MediaPath.of(GOOD).on(HOST));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:9999/secret",                          // absolute URL
            "https://evil.example/media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "//evil/x",                                              // another host, same scheme
            "//127.0.0.1:9999/media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "/media/../accounts.json",                               // walking out of the folder
            "/media/../media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "/media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",   // 63 characters
            "/media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0", // 65 characters
            "/media/0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",  // the host never writes upper case
            "/media/0123456789abcdeg0123456789abcdef0123456789abcdef0123456789abcdef",  // not hex
            "/media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef?x=1",
            "/media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
            "media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",   // relative to the host's path
            "/MEDIA/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "",
    })
    void anythingElseIsForeign(String path) {
        assertFalse(MediaPath.isNetworkForm(path));
        assertThrows(ForeignMediaPathException.class, () -> MediaPath.of(path));
    }

    @Test
    void noPathIsForeign() {
        assertFalse(MediaPath.isNetworkForm(null));
    }

    @Test
    void aMediaHostWithAPathStillKeepsTheBlobOnItsHost() throws Exception {
        URI resolved = MediaPath.of(GOOD).on(URI.create("https://media.example:8443/v1/"));
        assertEquals(URI.create("https://media.example:8443" + GOOD), resolved);
    }
}
