package com.teaminbox.ui.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ends the application session and then the identity provider's session (RP-initiated
 * logout), so that the next visit shows the login page instead of signing in silently.
 */
@WebServlet("/logout")
public class SignOut extends HttpServlet {

    @Inject
    private OpenIdContext openId;

    @Inject
    private OidcSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String idToken = null;
        try {
            idToken = openId.getIdentityToken().getToken();
        } catch (RuntimeException notSignedIn) {
            // no OpenID context: the app session is ended below all the same
        }
        // Invalidating the session ends the app session: the mechanism keeps the tokens there.
        // (request.logout() would make the mechanism write its own response first.)
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // the OpenID Connect mechanism's logout may have ended it already
            }
        }
        String back = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        StringBuilder target = new StringBuilder(settings.endSessionUri())
                .append("?post_logout_redirect_uri=").append(URLEncoder.encode(back, StandardCharsets.UTF_8))
                .append("&client_id=").append(URLEncoder.encode(settings.getClientId(), StandardCharsets.UTF_8));
        if (idToken != null) {
            target.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
        }
        response.sendRedirect(target.toString());
    }
}
