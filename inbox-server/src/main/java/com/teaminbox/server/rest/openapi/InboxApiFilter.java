package com.teaminbox.server.rest.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Runs last over the whole document (mp.openapi.filter), so that every operation Payara found
 * in the JAX-RS resources, including ones added tomorrow, carries what the API really does
 * without anyone annotating each resource method:
 * <ul>
 * <li>the bearer requirement (except on the public document and readiness);</li>
 * <li>its problem+json refusals: 401 and 403 always, 400 when it takes query/header parameters or a body,
 *     404 when its path names something, 409 when it changes state, 413 when it takes a body.</li>
 * </ul>
 * Responses an operation already declares are left as they are.
 */
public class InboxApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(List.of(InboxApiModel.server()));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (InboxApiModel.isPublic(path)) {
                return;
            }
            item.getOperations().forEach((method, operation) -> secure(path, method, operation));
        });
    }

    private static void secure(String path, PathItem.HttpMethod method, Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(InboxApiModel.BEARER)));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        // Path parameters that do not convert are a 404 in JAX-RS; query, header and body values
        // are validated (400).
        boolean parameters = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() != Parameter.In.PATH);
        boolean changes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        declare(responses, 401);
        declare(responses, 403);
        if (body || parameters) {
            declare(responses, 400);
        }
        if (path.contains("{")) {
            declare(responses, 404);
        }
        if (changes) {
            declare(responses, 409);
        }
        if (body) {
            declare(responses, 413);
        }
    }

    private static void declare(APIResponses responses, int status) {
        String code = Integer.toString(status);
        Map<String, ?> existing = responses.getAPIResponses();
        if (existing == null || !existing.containsKey(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse()
                    .ref(InboxApiModel.PROBLEM_RESPONSES.get(status)));
        }
    }
}
