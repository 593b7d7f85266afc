package com.teaminbox.ui.security;

import com.vaadin.flow.server.VaadinRequest;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The user's access token for calls to inbox-server from any thread of a view. In a request
 * (navigation, a click, a poll) it is read from the sign-in, which refreshes it before it
 * expires, and remembered; on a background thread — a live event pushed with
 * {@code ui.access} — there is no request and the session-scoped sign-in cannot be reached,
 * so the token remembered from the latest request is used. Views that receive live events
 * must poll now and then (they do) so that the remembered token never gets old.
 */
public final class RelayedToken implements Supplier<String> {

    private final SignedInUser user;
    private final AtomicReference<String> latest = new AtomicReference<>();

    public RelayedToken(SignedInUser user) {
        this.user = user;
        latest.set(user.accessToken()); // views are built in a request
    }

    @Override
    public String get() {
        if (VaadinRequest.getCurrent() != null) {
            String fresh = user.accessToken();
            latest.set(fresh);
            return fresh;
        }
        return latest.get();
    }
}
