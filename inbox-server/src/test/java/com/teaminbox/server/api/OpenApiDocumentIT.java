package com.teaminbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document at /api/openapi, fetched without a token from the WAR as it ships,
 * checked against the JAX-RS resources themselves: every resource method found by reflection
 * over the classes of com.teaminbox.server (not a list kept by hand) must be in it, with its
 * HTTP method and full path, the bearer requirement, and a problem+json refusal; and each of
 * them, called without a token, is refused with 401 and problem+json.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiDocumentIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACKAGE = "com.teaminbox.server";
    private static final URL TESTS = OpenApiDocumentIT.class.getProtectionDomain().getCodeSource().getLocation();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive inboxServer() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("inbox.war")));
    }

    @Test
    void everyResourceMethodIsDocumentedSecuredAndRefusesWithProblemJson() throws Exception {
        JsonNode document = fetchJson("openapi?format=json", null);
        JsonNode paths = document.path("paths");
        List<String> expected = resourceMethods();
        assertFalse(expected.isEmpty(), "the scan found the JAX-RS resource methods");

        List<String> problems = new ArrayList<>();
        for (String endpoint : expected) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            assertTrue(path.startsWith("/api/"), endpoint);
            JsonNode operation = paths.path(path.substring("/api".length())).path(method.toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                problems.add(endpoint + ": not in the document");
                continue;
            }
            if (!requiresBearer(operation)) {
                problems.add(endpoint + ": no bearer security requirement: " + operation.path("security"));
            }
            if (!declaresProblemRefusal(document, operation)) {
                problems.add(endpoint + ": no 4xx response with application/problem+json: " + operation.path("responses"));
            }
            // What the document promises, the server does: without a token the call is refused with problem+json.
            HttpResponse<String> anonymous = DeployedInbox.call(HTTP, base, method,
                    path.substring("/api/".length()).replaceAll("\\{[^}]+}", "1"),
                    null, Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null);
            String type = anonymous.headers().firstValue("Content-Type").orElse("");
            if (anonymous.statusCode() != 401 || !type.startsWith("application/problem+json")) {
                problems.add(endpoint + ": without a token answered " + anonymous.statusCode() + " " + type);
            }
        }
        assertTrue(problems.isEmpty(), "Documented paths: " + names(paths) + "\n" + String.join("\n", problems));
    }

    @Test
    void theDocumentDescribesTheApiAsAWhole() throws Exception {
        JsonNode document = fetchJson("openapi?format=json", null);
        assertTrue(document.path("openapi").asText().startsWith("3."), document.path("openapi").toString());
        assertEquals("Team Inbox API", document.path("info").path("title").asText());
        assertFalse(document.path("info").path("version").asText().isBlank());
        assertEquals("/api", document.path("servers").path(0).path("url").asText(), document.path("servers").toString());
        assertEquals(1, document.path("servers").size(), document.path("servers").toString());

        JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
        assertEquals("http", bearer.path("type").asText(), bearer.toString());
        assertEquals("bearer", bearer.path("scheme").asText(), bearer.toString());
        assertEquals("JWT", bearer.path("bearerFormat").asText(), bearer.toString());
        assertTrue(bearer.path("description").asText().contains("inbox-api"), bearer.toString());

        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        for (String field : List.of("type", "title", "status", "detail", "instance")) {
            assertFalse(problem.path(field).isMissingNode(), "Problem." + field + ": " + problem);
        }
        for (String status : List.of("400", "401", "403", "404", "409", "413")) {
            assertTrue(hasProblemResponse(document, status), "some operation declares " + status);
        }

        // The two public addresses: documented, without a security requirement (and none at the top
        // level, so an operation without one is public).
        assertTrue(document.path("security").isMissingNode() || document.path("security").isEmpty(), document.path("security").toString());
        for (String open : List.of("/openapi", "/health/ready")) {
            JsonNode get = document.path("paths").path(open).path("get");
            assertFalse(get.isMissingNode(), open + " is documented");
            assertTrue(get.path("security").isMissingNode() || get.path("security").isEmpty(), open + ": " + get.path("security"));
        }
    }

    @Test
    void yamlByDefaultJsonOnRequestAndNoTokenNeeded() throws Exception {
        HttpResponse<String> yaml = get("openapi", null);
        assertEquals(200, yaml.statusCode(), yaml.body());
        assertEquals("application/yaml", yaml.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(yaml.body().contains("openapi: 3.") || yaml.body().contains("openapi: \"3."), yaml.body());
        assertTrue(yaml.body().contains("Team Inbox API"), yaml.body());
        // Kept for review beside the build (not a source of truth: the server produces it).
        java.nio.file.Path copy = Paths.get("target", "openapi", "openapi.yaml");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, yaml.body());

        HttpResponse<String> json = get("openapi", "application/json");
        assertEquals(200, json.statusCode(), json.body());
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("Team Inbox API", JSON.readTree(json.body()).path("info").path("title").asText());
    }

    // ---------------------------------------------------------------- the document

    private static boolean requiresBearer(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            if (requirement.has("bearer")) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresProblemRefusal(JsonNode document, JsonNode operation) {
        Iterator<String> codes = operation.path("responses").fieldNames();
        while (codes.hasNext()) {
            String code = codes.next();
            if (code.startsWith("4") && resolve(document, operation.path("responses").path(code))
                    .path("content").has("application/problem+json")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasProblemResponse(JsonNode document, String status) {
        for (JsonNode item : document.path("paths")) {
            for (JsonNode operation : item) {
                JsonNode response = operation.path("responses").path(status);
                if (!response.isMissingNode() && resolve(document, response).path("content").has("application/problem+json")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Follows a local $ref (#/components/responses/X). */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            return document.at(ref.substring(1));
        }
        return node;
    }

    private static Set<String> names(JsonNode paths) {
        Set<String> names = new TreeSet<>();
        paths.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode fetchJson(String path, String accept) throws Exception {
        HttpResponse<String> response = get(path, accept);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Never with a token: the document must be public. */
    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DeployedInbox.apiBase(base) + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- the code

    /**
     * "GET /api/v1/conversations/{id}" for every resource method of every root resource class
     * (@Path) in com.teaminbox.server, under the application's @ApplicationPath and the WAR's
     * context root /api.
     */
    static List<String> resourceMethods() throws Exception {
        List<Class<?>> classes = classesOf(PACKAGE);
        String applicationPath = classes.stream().filter(type -> type.isAnnotationPresent(ApplicationPath.class))
                .map(type -> type.getAnnotation(ApplicationPath.class).value()).findFirst()
                .orElseThrow(() -> new AssertionError("no @ApplicationPath class in " + PACKAGE));
        List<String> endpoints = new ArrayList<>();
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(Path.class) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                collect(type, "/api/" + applicationPath + "/" + type.getAnnotation(Path.class).value(), endpoints, 0);
            }
        }
        endpoints.sort(null);
        return endpoints;
    }

    private static void collect(Class<?> type, String prefix, List<String> endpoints, int depth) {
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == Object.class) {
                continue;
            }
            String httpMethod = httpMethod(method);
            Path path = method.getAnnotation(Path.class);
            String full = prefix + (path != null ? "/" + path.value() : "");
            if (httpMethod != null) {
                endpoints.add(httpMethod + " " + normalize(full));
            } else if (path != null && depth < 5) {
                collect(method.getReturnType(), full, endpoints, depth + 1); // sub-resource locator
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** One slash between segments, none at the end, and {id: \d+} written as {id}. */
    static String normalize(String path) {
        String plain = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    /** Every class of the package on the test's class path (target/classes, or a jar). */
    private static List<Class<?>> classesOf(String packageName) throws IOException, URISyntaxException {
        String folder = packageName.replace('.', '/');
        Set<String> names = new TreeSet<>();
        Enumeration<URL> roots = OpenApiDocumentIT.class.getClassLoader().getResources(folder);
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if (root.getProtocol().equals("file")) {
                java.nio.file.Path start = Paths.get(root.toURI());
                try (Stream<java.nio.file.Path> files = Files.walk(start)) {
                    files.map(file -> start.relativize(file).toString().replace(File.separatorChar, '/'))
                            .filter(name -> name.endsWith(".class"))
                            .forEach(name -> names.add(folder + "/" + name));
                }
            } else if (root.getProtocol().equals("jar")) {
                String jar = root.getPath().substring("file:".length(), root.getPath().indexOf('!'));
                try (JarFile file = new JarFile(java.net.URLDecoder.decode(jar, java.nio.charset.StandardCharsets.UTF_8))) {
                    file.stream().map(JarEntry::getName)
                            .filter(name -> name.startsWith(folder + "/") && name.endsWith(".class"))
                            .forEach(names::add);
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            try {
                Class<?> type = Class.forName(className, false, OpenApiDocumentIT.class.getClassLoader());
                if (!TESTS.equals(type.getProtectionDomain().getCodeSource().getLocation())) {
                    classes.add(type); // the application's classes, not the tests'
                }
            } catch (ClassNotFoundException | LinkageError unloadable) {
                fail("cannot inspect " + className + ": " + unloadable);
            }
        }
        return classes;
    }
}
