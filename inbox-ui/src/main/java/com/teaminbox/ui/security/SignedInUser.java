package com.teaminbox.ui.security;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.io.Serializable;

/**
 * The person using this browser session: their roles (from the servlet container, which got
 * them from the token's groups claim) and the access token to forward to inbox-server.
 */
@SessionScoped
public class SignedInUser implements Serializable {

    @Inject
    private transient OpenIdContext openId;

    public boolean hasRole(String role) {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null && request.isUserInRole(role);
    }

    public String username() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null && request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : null;
    }

    /** The current access token; the mechanism refreshes it before it expires. */
    public String accessToken() {
        return openId.getAccessToken().getToken();
    }
}
