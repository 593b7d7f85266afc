package com.teaminbox.server.agent;

import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person behind an API call, read from their verified access token.
 */
public record Caller(String subject, String username, String displayName, String email, Set<String> roles) {

    public static Caller of(JsonWebToken token) {
        String username = firstNonBlank(token.getClaim("preferred_username"), token.getName(), token.getSubject());
        String fullName = firstNonBlank(token.getClaim("name"),
                joinNames(token.getClaim("given_name"), token.getClaim("family_name")), username);
        Set<String> roles = new TreeSet<>(token.getGroups() == null ? Set.of() : token.getGroups());
        return new Caller(token.getSubject(), username, fullName, token.getClaim("email"), roles);
    }

    private static String joinNames(String given, String family) {
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
