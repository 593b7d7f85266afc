package com.teaminbox.server.agent;

import com.teaminbox.server.rest.ProblemCatalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses callers whose account an administrator disabled (403, whatever their token says),
 * and registers every other authenticated caller in the agent directory. Refreshing the row on every
 * request would cost a write per call, so a caller seen recently by this server is skipped.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class CallerRegistration implements ContainerRequestFilter {

    private static final Duration REFRESH_AFTER = Duration.ofMinutes(5);
    private static final Map<String, Instant> RECENTLY_REGISTERED = new ConcurrentHashMap<>();

    @Inject
    private JsonWebToken token;

    @Inject
    private AgentDirectory directory;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token == null || token.getSubject() == null) {
            return; // anonymous call; the resource decides whether that is allowed
        }
        if (directory.isDisabled(token.getSubject())) {
            // A token issued before the account was disabled is still valid until it expires.
            request.abortWith(ProblemCatalog.forStatus(403,
                    "This account is disabled; an administrator can enable it again.",
                    request.getUriInfo().getRequestUri().getPath()).toResponse());
            return;
        }
        Instant now = Instant.now();
        Instant last = RECENTLY_REGISTERED.get(token.getSubject());
        if (last == null || last.plus(REFRESH_AFTER).isBefore(now)) {
            directory.register(Caller.of(token));
            RECENTLY_REGISTERED.put(token.getSubject(), now);
        }
    }
}
