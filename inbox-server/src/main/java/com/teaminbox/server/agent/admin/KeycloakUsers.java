package com.teaminbox.server.agent.admin;

import com.teaminbox.server.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The realm's users, administered through Keycloak's admin REST API with the realm's service
 * account ({@code inbox.keycloak.admin-client-id}, client-credentials grant, its secret from
 * {@link AdminClientSecret}). Plain
 * {@code java.net.http} and JSON-P rather than keycloak-admin-client: see docs/stack-notes.md.
 * The client secret is only ever sent to the token endpoint, never logged.
 */
@ApplicationScoped
public class KeycloakUsers {

    private static final Logger LOG = Logger.getLogger(KeycloakUsers.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    @ConfigProperty(name = "inbox.keycloak.url", defaultValue = "http://localhost:8180")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "inbox.keycloak.realm", defaultValue = "inbox")
    String realm;

    @Inject
    @ConfigProperty(name = "inbox.keycloak.admin-client-id", defaultValue = "inbox-admin-service")
    String clientId;

    @Inject
    AdminClientSecret clientSecret;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private record Token(String value, Instant renewAfter) {
    }

    private volatile Token token;

    /** What a new realm user gets; {@code temporaryPassword} null means "set it yourself by e-mail link". */
    public record NewUser(String username, String email, String firstName, String lastName, String temporaryPassword) {
    }

    /**
     * Creates the user, enabled. With a temporary password, Keycloak makes them change it at
     * the first sign-in; without one they must set a password and verify their e-mail.
     * Returns the Keycloak user id (the token's {@code sub}).
     */
    public String create(NewUser user) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("username", user.username())
                .add("enabled", true)
                .add("email", user.email())
                .add("emailVerified", false)
                .add("firstName", user.firstName())
                .add("lastName", user.lastName());
        if (user.temporaryPassword() != null) {
            body.add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("type", "password").add("value", user.temporaryPassword()).add("temporary", true)));
        } else {
            body.add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD").add("VERIFY_EMAIL"));
        }
        HttpResponse<String> created = call("POST", "/users", body.build().toString());
        if (created.statusCode() == 409) {
            throw new AgentNameTaken("Keycloak already has a user with the user name '" + user.username()
                    + "' or the e-mail address " + user.email() + " (Keycloak says: " + errorMessage(created)
                    + "); choose another.");
        }
        refuseNameCharacters(created);
        expect(created, 201, "create the user " + user.username());
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> failure("Keycloak created " + user.username() + " but did not say under which id"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Grants a realm role (its name as in the realm, e.g. {@code agent}). */
    public void grantRealmRole(String userId, String role) {
        HttpResponse<String> found = call("GET", "/roles/" + enc(role), null);
        expect(found, 200, "read the realm role " + role);
        JsonArray roles = Json.createArrayBuilder().add(parse(found.body())).build();
        expect(call("POST", "/users/" + enc(userId) + "/role-mappings/realm", roles.toString()), 204,
                "grant the role " + role);
    }

    /** Enables or disables sign-in. False when Keycloak has no such user (any more). */
    public boolean setEnabled(String userId, boolean enabled) {
        return update(userId, Json.createObjectBuilder().add("enabled", enabled).build(), (enabled ? "enable" : "disable") + " the user");
    }

    /** Renames the person (the token's name claims). False when Keycloak has no such user. */
    public boolean rename(String userId, String firstName, String lastName) {
        return update(userId, Json.createObjectBuilder().add("firstName", firstName).add("lastName", lastName).build(),
                "rename the user");
    }

    /** The user as Keycloak shows it, or empty when it has no such user. */
    public Optional<JsonObject> find(String userId) {
        HttpResponse<String> found = call("GET", "/users/" + enc(userId), null);
        if (found.statusCode() == 404) {
            return Optional.empty();
        }
        expect(found, 200, "read the user");
        return Optional.of(parse(found.body()));
    }

    /** Deletes the user; an already missing user is fine. */
    public void delete(String userId) {
        HttpResponse<String> deleted = call("DELETE", "/users/" + enc(userId), null);
        if (deleted.statusCode() != 404) {
            expect(deleted, 204, "delete the user");
        }
    }

    /** Realm role names of the user, straight from Keycloak. */
    public List<String> realmRoles(String userId) {
        HttpResponse<String> roles = call("GET", "/users/" + enc(userId) + "/role-mappings/realm", null);
        expect(roles, 200, "read the user's roles");
        try (JsonReader reader = Json.createReader(new StringReader(roles.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream().map(r -> r.getString("name")).toList();
        }
    }

    private boolean update(String userId, JsonObject changes, String what) {
        // Keycloak's PUT merges: fields left out keep their values.
        HttpResponse<String> updated = call("PUT", "/users/" + enc(userId), changes.toString());
        if (updated.statusCode() == 404) {
            return false;
        }
        refuseNameCharacters(updated);
        expect(updated, 204, what);
        return true;
    }

    private HttpResponse<String> call(String method, String path, String json) {
        HttpResponse<String> response = send(method, path, json, accessToken(false));
        if (response.statusCode() == 401) {
            // The cached token expired early (Keycloak restarted, clock drift): once more with a fresh one.
            response = send(method, path, json, accessToken(true));
        }
        return response;
    }

    private HttpResponse<String> send(String method, String path, String json, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/" + enc(realm) + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return exchange(request, method + " " + path);
    }

    private String accessToken(boolean renew) {
        Token current = token;
        if (!renew && current != null && Instant.now().isBefore(current.renewAfter())) {
            return current.value();
        }
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret.value());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/" + enc(realm) + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = exchange(request, "token for " + clientId);
        if (response.statusCode() != 200) {
            // The body names the OAuth error (invalid_client, ...), never the secret.
            throw failure("Keycloak refused the inbox's service account '" + clientId + "' (HTTP "
                    + response.statusCode() + ": " + errorMessage(response) + "); check inbox.keycloak.admin-client-id and -secret");
        }
        JsonObject body = parse(response.body());
        long lifetime = body.getJsonNumber("expires_in").longValue();
        Token fresh = new Token(body.getString("access_token"), Instant.now().plusSeconds(Math.max(0, lifetime - 30)));
        token = fresh;
        return fresh.value();
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warning(() -> "Keycloak at " + keycloakUrl + " did not answer (" + what + "): " + e);
            throw failure("Keycloak at " + keycloakUrl + " does not answer; nothing was changed there. Try again later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted while waiting for Keycloak");
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw failure("Keycloak did not " + what + " (HTTP " + response.statusCode() + ": " + errorMessage(response) + ")");
        }
    }

    /** Keycloak's person-name validator refused the first or last name: the caller can fix that. */
    private static void refuseNameCharacters(HttpResponse<String> response) {
        if (response.statusCode() == 400 && errorMessage(response).contains("person-name-invalid-character")) {
            throw new DisplayNameRefused();
        }
    }

    private static String errorMessage(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        try {
            JsonObject json = parse(body);
            for (String key : new String[] {"errorMessage", "error_description", "error"}) {
                if (json.containsKey(key) && !json.isNull(key)) {
                    return json.getString(key);
                }
            }
        } catch (RuntimeException notJson) {
            // fall through
        }
        return body.length() > 200 ? body.substring(0, 200) : body;
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static ProblemException failure(String sentence) {
        return new ProblemException(502, sentence + ".");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
