package com.teaminbox.ui.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the identity provider is and who this UI is to it. Read by the OpenID Connect
 * mechanism through EL ({@code ${oidcSettings...}}) so that the values come from
 * configuration, not from the annotation. The client secret of the demo realm is public (it is
 * in this repository), so only the demo profile may use it: anywhere else the UI refuses to
 * start without a secret of its own. The secret never appears in a log or a message.
 */
@Named("oidcSettings")
@ApplicationScoped
public class OidcSettings {

    static final String SECRET_SETTING = "inbox.ui.client-secret";
    static final String SECRET_ENV = "INBOX_UI_CLIENT_SECRET";
    static final String PROFILE_SETTING = "inbox.profile";
    static final String DEMO_PROFILE = "demo";

    /** The secret of {@code inbox-ui} in docker/keycloak/inbox-realm.json: public by design. */
    static final String DEMO_SECRET = "inbox-ui-demo-secret";

    private static final Logger LOG = Logger.getLogger(OidcSettings.class.getName());

    @Inject
    @ConfigProperty(name = "inbox.keycloak.url")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "inbox.keycloak.realm")
    String realm;

    @Inject
    @ConfigProperty(name = "inbox.ui.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = SECRET_SETTING)
    Optional<String> configuredSecret;

    @Inject
    @ConfigProperty(name = PROFILE_SETTING, defaultValue = "production")
    String profile;

    private volatile String clientSecret;

    /** Checks the secret when the application starts, so that a missing one stops the deployment rather than the first sign-in. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        getClientSecret();
    }

    public String getProviderUri() {
        return keycloakUrl + "/realms/" + realm;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        String secret = clientSecret;
        if (secret == null) {
            secret = resolveClientSecret(configuredSecret.orElse(null), profile, LOG::warning);
            clientSecret = secret;
        }
        return secret;
    }

    public String endSessionUri() {
        return getProviderUri() + "/protocol/openid-connect/logout";
    }

    /**
     * The client secret from the raw settings: the configured one unless it is missing or the
     * demo realm's, which only the demo profile accepts (with a warning).
     *
     * @param configured the configured secret, or null/blank when not set
     * @param profile    the inbox profile; null means production
     * @param warn       receives the one warning given when the demo realm's public secret is used
     * @throws IllegalStateException in one sentence naming the setting and its environment variable, never the value
     */
    static String resolveClientSecret(String configured, String profile, Consumer<String> warn) {
        String given = configured == null ? "" : configured.strip();
        boolean own = !given.isEmpty() && !given.equals(DEMO_SECRET);
        if (own) {
            return given;
        }
        if (!DEMO_PROFILE.equals(profile == null ? null : profile.trim())) {
            String problem = given.isEmpty()
                    ? "Missing setting " + SECRET_SETTING + " (environment variable " + SECRET_ENV + ")"
                    : "Setting " + SECRET_SETTING + " (environment variable " + SECRET_ENV + ") still has the public demo value";
            throw new IllegalStateException(problem + ": the UI signs users in through the realm's inbox-ui client and"
                    + " will not start without that client's own secret (Keycloak admin console: Clients > inbox-ui >"
                    + " Credentials; for a demo only, " + PROFILE_SETTING + "=" + DEMO_PROFILE + " uses the public demo secret).");
        }
        warn.accept("Sign-in uses the demo realm's PUBLIC client secret of inbox-ui (profile " + DEMO_PROFILE
                + "): never use this inbox with real customers. Set " + SECRET_ENV + " to the realm's own secret.");
        return DEMO_SECRET;
    }

    @Override
    public String toString() {
        return "OidcSettings[provider=" + getProviderUri() + ", client=" + clientId + "]"; // never the secret
    }
}
