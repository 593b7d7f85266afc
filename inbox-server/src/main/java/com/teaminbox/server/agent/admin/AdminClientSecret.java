package com.teaminbox.server.agent.admin;

import com.teaminbox.server.platform.InboxProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret of the realm's service-account client through which agent administration talks to
 * Keycloak. The demo realm's value is public (it is in this repository), so only the demo profile
 * may use it; anywhere else the inbox refuses to start without a secret of its own. The secret
 * never appears in a log or a message.
 */
@ApplicationScoped
public class AdminClientSecret {

    static final String SETTING = "inbox.keycloak.admin-client-secret";
    static final String ENV = "INBOX_KEYCLOAK_ADMIN_CLIENT_SECRET";

    /** The secret of {@code inbox-admin-service} in docker/keycloak/inbox-realm.json: public by design. */
    static final String DEMO_VALUE = "inbox-admin-service-demo-secret";

    private static final Logger LOG = Logger.getLogger(AdminClientSecret.class.getName());

    @Inject
    @ConfigProperty(name = SETTING)
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = InboxProfile.SETTING, defaultValue = InboxProfile.DEFAULT)
    String profile;

    private volatile String secret;

    /** Checks the setting when the application starts, so a missing secret stops the deployment rather than the first agent an admin adds. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        value();
    }

    /** The secret to send to Keycloak's token endpoint, and nowhere else. */
    String value() {
        String resolved = secret;
        if (resolved == null) {
            resolved = resolve(configured.orElse(null), profile, LOG::warning);
            secret = resolved;
        }
        return resolved;
    }

    /**
     * The secret from the raw settings.
     *
     * @param raw     the configured secret, or null/blank when not set
     * @param profile the inbox profile; null means production
     * @param warn    receives the one warning given when the demo realm's public value is used
     * @throws IllegalStateException naming the setting and its environment variable, never the value
     */
    static String resolve(String raw, String profile, Consumer<String> warn) {
        String secret = raw == null || raw.isBlank() ? null : raw.strip();
        if (secret != null && !secret.equals(DEMO_VALUE)) {
            return secret;
        }
        if (InboxProfile.isDemo(profile)) {
            warn.accept("Agent administration signs in to Keycloak with the demo realm's PUBLIC client secret (profile "
                    + InboxProfile.DEMO + "): anyone can act as the inbox's service account there; never use this inbox with"
                    + " real customers. Set " + ENV + " to the secret of the realm's inbox-admin-service client.");
            return DEMO_VALUE;
        }
        // One sentence: it is what an operator sees when the deployment stops.
        throw new IllegalStateException((secret == null ? "Missing setting " : "Setting ") + SETTING
                + " (environment variable " + ENV + ")" + (secret == null ? "" : " still has the public demo value")
                + ": the inbox administers agents in Keycloak through the realm's inbox-admin-service client and will"
                + " not start without that client's own secret (Keycloak admin console: Clients > inbox-admin-service >"
                + " Credentials; for a demo only, " + InboxProfile.SETTING + "=" + InboxProfile.DEMO + " uses the public demo secret).");
    }

    @Override
    public String toString() {
        return "AdminClientSecret[not shown]";
    }
}
