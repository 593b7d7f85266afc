package com.teaminbox.server.health;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness at /api/health/ready, in the MicroProfile Health JSON format. Payara's own
 * /health endpoint sits at the server root, where inbox-ui (context /) shadows it, so the
 * inbox's {@link Readiness} checks are also answered here, beside the API they vouch for.
 * No authentication: load balancers and the run script call it.
 */
@WebServlet("/health/ready")
public class ReadinessEndpoint extends HttpServlet {

    @Inject
    @Readiness
    @Any
    private Instance<HealthCheck> checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<HealthCheckResponse> results = new ArrayList<>();
        for (HealthCheck check : checks) {
            results.add(check.call());
        }
        boolean up = !results.isEmpty() && results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
        StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"checks\":[");
        for (int i = 0; i < results.size(); i++) {
            HealthCheckResponse result = results.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(result.getName())
                    .append("\",\"status\":\"").append(result.getStatus()).append('"');
            Map<String, Object> data = result.getData().orElse(Map.of());
            if (!data.isEmpty()) {
                json.append(",\"data\":{");
                int n = 0;
                for (Map.Entry<String, Object> entry : data.entrySet()) {
                    json.append(n++ == 0 ? "" : ",").append('"').append(entry.getKey()).append("\":");
                    Object value = entry.getValue();
                    json.append(value instanceof String ? "\"" + value + "\"" : String.valueOf(value));
                }
                json.append('}');
            }
            json.append('}');
        }
        json.append("]}");
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.toString());
    }
}
