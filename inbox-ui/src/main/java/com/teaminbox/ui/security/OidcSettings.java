package com.teaminbox.ui.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the identity provider is and who this UI is to it. Read by the OpenID Connect
 * mechanism through EL ({@code ${oidcSettings...}}) so that the values come from
 * configuration, not from the annotation.
 */
@Named("oidcSettings")
@ApplicationScoped
public class OidcSettings {

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
    @ConfigProperty(name = "inbox.ui.client-secret")
    String clientSecret;

    public String getProviderUri() {
        return keycloakUrl + "/realms/" + realm;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String endSessionUri() {
        return getProviderUri() + "/protocol/openid-connect/logout";
    }

    @Override
    public String toString() {
        return "OidcSettings[provider=" + getProviderUri() + ", client=" + clientId + "]"; // never the secret
    }
}
