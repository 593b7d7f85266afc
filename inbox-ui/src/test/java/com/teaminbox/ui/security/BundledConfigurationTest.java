package com.teaminbox.ui.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the WAR brings as defaults applies in every profile, so no demo secret may be among them. */
class BundledConfigurationTest {

    @Test
    void theWarCarriesNoClientSecret() throws Exception {
        Properties bundled = new Properties();
        try (InputStream in = OidcSettings.class.getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            assertNotNull(in);
            bundled.load(in);
        }
        assertFalse(bundled.containsKey("inbox.ui.client-secret"), "a bundled secret would be every profile's default");
        assertFalse(bundled.containsValue("inbox-ui-demo-secret"));
    }
}
