package com.teaminbox.ui.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Sign-in through the inbox realm's login page (OpenID Connect, authorization code flow).
 * Realm roles arrive in the {@code groups} claim and become the caller's roles; the access
 * token is kept in the session and forwarded to inbox-server on every API call.
 */
@ApplicationScoped
@DeclareRoles({"agent", "manager", "admin"})
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.providerUri}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/callback",
        // Restoring the original request breaks Vaadin (Soteria's restored request has null
        // parameters), so sign-in lands on /callback, which sends the browser to the start page.
        redirectToOriginalResource = false,
        scope = {"openid", "profile", "email"},
        tokenAutoRefresh = true,
        // Refresh in any request within 90 s of the token's expiry, not only the last 10 s. The
        // live event stream's reader has no request of its own and uses the token of the view's
        // latest one (RelayedToken); the views poll at least every 60 s, so a poll always lands
        // in this window and the reader holds a fresh token by the time inbox-server ends the
        // stream of the old one at its expiry.
        tokenMinValidity = 90_000,
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"))
public class SignIn {
}
