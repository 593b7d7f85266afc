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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses callers whose account an administrator disabled (403, whatever their token says),
 * and registers every other authenticated caller in the agent directory. Refreshing the row on every
 * request would cost a write per call, so a caller seen recently by this server is skipped, unless
 * their token now carries other roles: the row's roles are what the live event streams check
 * their owners against (events.StreamSweep), so a lost role must reach it at once.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class CallerRegistration implements ContainerRequestFilter {

    private static final Duration REFRESH_AFTER = Duration.ofMinutes(5);
    private static final Map<String, Registered> RECENTLY_REGISTERED = new ConcurrentHashMap<>();

    /** When this server last wrote a caller's row, and with which roles. */
    private record Registered(Instant at, Set<String> roles) {
    }

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
        Caller caller = Caller.of(token);
        Registered last = RECENTLY_REGISTERED.get(caller.subject());
        if (last == null || last.at().plus(REFRESH_AFTER).isBefore(now) || !last.roles().equals(caller.roles())) {
            directory.register(caller);
            RECENTLY_REGISTERED.put(caller.subject(), new Registered(now, caller.roles()));
        }
    }
}
