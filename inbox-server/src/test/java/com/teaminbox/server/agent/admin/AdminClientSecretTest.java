package com.teaminbox.server.agent.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AdminClientSecretTest {

    private static final String DEMO_SECRET = "inbox-admin-service-demo-secret";
    private static final String REAL_SECRET = "kc-7f3a9e1b-real-secret";

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aProductionInboxWithoutSecretRefusesToStartNamingTheSettingAndItsVariable() {
        for (String profile : new String[] {null, "production", "prod", ""}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> AdminClientSecret.resolve(null, profile, warnings::add));
            assertTrue(refused.getMessage().startsWith("Missing setting inbox.keycloak.admin-client-secret"
                    + " (environment variable INBOX_KEYCLOAK_ADMIN_CLIENT_SECRET)"), refused.getMessage());
            assertOneSentence(refused.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> AdminClientSecret.resolve("  ", "production", warnings::add));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void aProductionInboxWithTheDemoSecretRefusesToStartWithoutQuotingIt() {
        for (String demoValue : new String[] {DEMO_SECRET, " " + DEMO_SECRET + "\n"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> AdminClientSecret.resolve(demoValue, "production", warnings::add));
            assertTrue(refused.getMessage().startsWith("Setting inbox.keycloak.admin-client-secret"
                    + " (environment variable INBOX_KEYCLOAK_ADMIN_CLIENT_SECRET) still has the public demo value"),
                    refused.getMessage());
            assertFalse(refused.getMessage().contains(DEMO_SECRET), "the secret stays out of messages");
            assertOneSentence(refused.getMessage());
        }
        assertTrue(warnings.isEmpty());
    }

    @Test
    void theDemoProfileUsesTheDemoRealmsSecretWithOneWarningThatDoesNotQuoteIt() {
        assertEquals(DEMO_SECRET, AdminClientSecret.resolve(null, "demo", warnings::add));
        assertEquals(DEMO_SECRET, AdminClientSecret.resolve(DEMO_SECRET, " demo ", warnings::add));

        assertEquals(2, warnings.size(), "one warning each time the public value is taken");
        assertTrue(warnings.get(0).contains("PUBLIC client secret"), warnings.get(0));
        assertTrue(warnings.get(0).contains("INBOX_KEYCLOAK_ADMIN_CLIENT_SECRET"), warnings.get(0));
        assertFalse(warnings.get(0).contains(DEMO_SECRET), warnings.get(0));
    }

    @Test
    void aRealSecretIsUsedInEveryProfileWithoutWarning() {
        for (String profile : new String[] {null, "production", "demo"}) {
            assertEquals(REAL_SECRET, AdminClientSecret.resolve(REAL_SECRET + "\n", profile, warnings::add));
        }
        assertTrue(warnings.isEmpty());
    }

    @Test
    void theSecretIsCheckedWhenTheApplicationStarts() throws Exception {
        Parameter started = AdminClientSecret.class.getDeclaredMethod("checkAtStart", Object.class).getParameters()[0];
        assertTrue(started.isAnnotationPresent(Observes.class));
        assertEquals(ApplicationScoped.class, started.getAnnotation(Initialized.class).value());

        AdminClientSecret secret = new AdminClientSecret();
        secret.configured = Optional.empty();
        secret.profile = "production";
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> secret.checkAtStart(new Object()));
        assertTrue(refused.getMessage().startsWith("Missing setting inbox.keycloak.admin-client-secret"), refused.getMessage());
    }

    @Test
    void theSecretCheckedAtStartIsTheOneSentToKeycloakAndNeverShown() throws Exception {
        AdminClientSecret secret = new AdminClientSecret();
        secret.configured = Optional.of(REAL_SECRET);
        secret.profile = "production";
        secret.checkAtStart(new Object());

        assertEquals(REAL_SECRET, secret.value());
        assertFalse(secret.toString().contains(REAL_SECRET));
        assertEquals(AdminClientSecret.class, KeycloakUsers.class.getDeclaredField("clientSecret").getType(),
                "Keycloak gets the checked secret, not a setting of its own");
    }

    @Test
    void theBundledConfigurationGivesNoProfileTheDemoSecret() throws Exception {
        Properties bundled = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(AdminClientSecret.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve("META-INF/microprofile-config.properties"))) {
            bundled.load(in);
        }
        assertFalse(bundled.containsKey("inbox.keycloak.admin-client-secret"));
        assertFalse(bundled.containsValue(DEMO_SECRET));
    }

    private static void assertOneSentence(String message) {
        assertTrue(message.endsWith("."), message);
        assertFalse(message.substring(0, message.length() - 1).matches(".*[.!?] [A-Z].*"), message);
    }
}
