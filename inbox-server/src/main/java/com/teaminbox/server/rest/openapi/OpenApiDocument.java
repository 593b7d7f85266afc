package com.teaminbox.server.rest.openapi;

import com.teaminbox.server.rest.Problem;
import com.teaminbox.server.rest.ProblemCatalog;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API's OpenAPI 3 document at /api/openapi: YAML by default, JSON with
 * {@code Accept: application/json} or {@code ?format=json}. No authentication: it describes
 * the API and exposes no data. Payara's own /openapi on the server root is shadowed by
 * inbox-ui at context /, hence this address beside the API (as with /api/health/ready).
 *
 * <p>The content is Payara's MicroProfile OpenAPI document for this WAR: its scan of every
 * JAX-RS resource, with {@link InboxApiModel} and {@link InboxApiFilter} applied
 * (microprofile-config.properties).
 */
@WebServlet("/openapi")
public class OpenApiDocument extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(OpenApiDocument.class.getName());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean json = wantsJson(request.getParameter("format"), request.getHeader("Accept"));
        String body;
        try {
            body = json ? PayaraOpenApi.json() : PayaraOpenApi.yaml();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
            LOG.log(Level.SEVERE, "Cannot produce the OpenAPI document", failure);
            Problem problem = ProblemCatalog.forStatus(503,
                    "The OpenAPI document cannot be produced on this server: " + failure.getMessage(), request.getRequestURI());
            response.setStatus(503);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(problem.toJson());
            return;
        }
        response.setStatus(200);
        response.setContentType(json ? "application/json" : "application/yaml");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(body);
    }

    /** ?format= wins; otherwise JSON only when the client asks for JSON and not for YAML. */
    static boolean wantsJson(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return format.trim().equalsIgnoreCase("json");
        }
        if (accept == null) {
            return false;
        }
        String media = accept.toLowerCase();
        return media.contains("application/json") && !media.contains("yaml");
    }
}
