package com.teaminbox.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The UI's client secret: its own outside the demo profile, the demo realm's only in it. */
class OidcSettingsTest {

    private static final String DEMO_SECRET = "inbox-ui-demo-secret";
    private static final String OWN_SECRET = "Zq8-ui-secret-from-the-production-realm";

    private final List<String> warnings = new ArrayList<>();

    @Test
    void withoutSecretTheUiRefusesToStartOutsideTheDemoProfile() {
        for (String profile : new String[] {null, "production", "staging", ""}) {
            for (String missing : new String[] {null, "", " \n"}) {
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> OidcSettings.resolveClientSecret(missing, profile, warnings::add));
                assertTrue(refused.getMessage().startsWith(
                        "Missing setting inbox.ui.client-secret (environment variable INBOX_UI_CLIENT_SECRET): "),
                        refused.getMessage());
                assertSingleSentence(refused.getMessage());
            }
        }
        assertTrue(warnings.isEmpty());
    }

    @Test
    void theDemoRealmsSecretIsRefusedOutsideTheDemoProfileAndNotRepeated() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> OidcSettings.resolveClientSecret(DEMO_SECRET + " ", "production", warnings::add));

        assertTrue(refused.getMessage().startsWith("Setting inbox.ui.client-secret (environment variable"
                + " INBOX_UI_CLIENT_SECRET) still has the public demo value: "), refused.getMessage());
        assertFalse(refused.getMessage().contains(DEMO_SECRET), "the secret stays out of messages");
        assertSingleSentence(refused.getMessage());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void theDemoProfileSignsInWithTheDemoRealmsSecretAndSaysSoOnce() {
        assertEquals(DEMO_SECRET, OidcSettings.resolveClientSecret(null, "demo", warnings::add));

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("PUBLIC client secret"), warnings.get(0));
        assertTrue(warnings.get(0).contains("INBOX_UI_CLIENT_SECRET"), warnings.get(0));
        assertFalse(warnings.get(0).contains(DEMO_SECRET), warnings.get(0));
    }

    @Test
    void anOwnSecretIsTakenInEveryProfileWithoutWarning() {
        for (String profile : new String[] {null, "production", "demo"}) {
            assertEquals(OWN_SECRET, OidcSettings.resolveClientSecret(" " + OWN_SECRET, profile, warnings::add));
        }
        assertTrue(warnings.isEmpty());
    }

    @Test
    void theStartOfTheApplicationChecksTheSecret() throws Exception {
        Parameter started = OidcSettings.class.getDeclaredMethod("checkAtStart", Object.class).getParameters()[0];
        assertTrue(started.isAnnotationPresent(Observes.class));
        assertEquals(ApplicationScoped.class, started.getAnnotation(Initialized.class).value());

        OidcSettings production = settings(Optional.empty(), "production");
        assertThrows(IllegalStateException.class, () -> production.checkAtStart(new Object()));

        OidcSettings configured = settings(Optional.of(OWN_SECRET), "production");
        configured.checkAtStart(new Object());
        assertEquals(OWN_SECRET, configured.getClientSecret(), "the mechanism gets the checked secret");
        assertFalse(configured.toString().contains(OWN_SECRET));
    }

    private static OidcSettings settings(Optional<String> secret, String profile) {
        OidcSettings settings = new OidcSettings();
        settings.keycloakUrl = "http://localhost:8180";
        settings.realm = "inbox";
        settings.clientId = "inbox-ui";
        settings.configuredSecret = secret;
        settings.profile = profile;
        return settings;
    }

    private static void assertSingleSentence(String message) {
        assertTrue(message.endsWith("."), message);
        assertFalse(message.substring(0, message.length() - 1).matches(".*[.?!]\\s+[A-Z].*"), message);
    }
}
