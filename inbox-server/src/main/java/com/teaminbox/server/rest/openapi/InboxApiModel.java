package com.teaminbox.server.rest.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;
import com.teaminbox.server.rest.Problem;
import com.teaminbox.server.rest.ProblemCatalog;

/**
 * The parts of the OpenAPI document that no annotation can say (mp.openapi.model.reader): the
 * title, the server, the bearer scheme, the problem+json responses, and the two addresses
 * that are not JAX-RS resources (this document and readiness). Payara then adds every JAX-RS
 * resource method it finds, and {@link InboxApiFilter} secures them and adds their refusals.
 */
public class InboxApiModel implements OASModelReader {

    public static final String TITLE = "Team Inbox API";
    public static final String VERSION = "1";
    public static final String SERVER_URL = "/api";
    /** The name of the bearer scheme in components/securitySchemes. */
    public static final String BEARER = "bearer";
    public static final String PROBLEM_SCHEMA = "Problem";
    /** Paths, relative to {@link #SERVER_URL}, that anyone may call: no bearer requirement. */
    public static final String DOCUMENT_PATH = "/openapi";
    public static final String READINESS_PATH = "/health/ready";

    /** The refusals an operation may declare, by status; each is a components/responses entry. */
    static final Map<Integer, String> PROBLEM_RESPONSES = Map.of(
            400, "BadRequest", 401, "Unauthorized", 403, "Forbidden", 404, "NotFound", 409, "Conflict", 413, "PayloadTooLarge");

    @Override
    public OpenAPI buildModel() {
        Components components = OASFactory.createComponents()
                .addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from the Keycloak realm `inbox` (audience `inbox-api`), "
                                + "sent as `Authorization: Bearer <token>`. Roles come from the token's `groups` claim: "
                                + "agent, manager, admin."))
                .addSchema(PROBLEM_SCHEMA, problemSchema());
        PROBLEM_RESPONSES.forEach((status, name) -> components.addResponse(name, problemResponse(status)));

        return OASFactory.createOpenAPI()
                .openapi("3.0.3")
                .info(OASFactory.createInfo().title(TITLE).version(VERSION)
                        .description("The Team Inbox REST API, version 1 (JSON). Every operation except this document and "
                                + "readiness needs a bearer token; every error is an RFC 9457 problem (application/problem+json)."))
                .servers(List.of(server()))
                .components(components)
                .paths(OASFactory.createPaths()
                        .addPathItem(DOCUMENT_PATH, OASFactory.createPathItem().GET(documentOperation()))
                        .addPathItem(READINESS_PATH, OASFactory.createPathItem().GET(readinessOperation())));
    }

    static Server server() {
        return OASFactory.createServer().url(SERVER_URL).description("The inbox-server WAR's context root");
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem detail, the body of every error. For validation failures (400) `detail` "
                        + "lists each offending field as the client sent it, `field: message`, sorted and separated by `; `.")
                .addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri-reference")
                        .description("A URI naming the kind of problem; about:blank when the status says it all").example("about:blank"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("A short summary of the kind of problem").example("Bad Request"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status").example(400))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("What went wrong with this request, in a sentence; for validation errors the field list")
                        .example("limit: must be less than or equal to 100; status: must match \"open|pending|resolved\""))
                .addProperty("instance", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri-reference")
                        .description("The request path").example("/api/v1/conversations"));
    }

    private static APIResponse problemResponse(int status) {
        String why = switch (status) {
            case 400 -> "The request is not valid: malformed JSON, or parameters or fields that break a constraint "
                    + "(the detail lists them).";
            case 401 -> "No bearer token, or one that is not valid (signature, issuer, audience, expiry).";
            case 413 -> "The request body is larger than 1 MiB.";
            default -> ProblemCatalog.defaultDetail(status);
        };
        return OASFactory.createAPIResponse().description(why).content(problemContent());
    }

    static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static Operation documentOperation() {
        return OASFactory.createOperation().operationId("openApiDocument").addTag("API description")
                .summary("This OpenAPI document")
                .description("YAML by default; JSON with `Accept: application/json` or `?format=json`. No authentication.")
                .addParameter(OASFactory.createParameter().name("format").in(Parameter.In.QUERY).required(false)
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).addEnumeration("yaml").addEnumeration("json")))
                .security(List.of())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The OpenAPI document")
                                .content(OASFactory.createContent()
                                        .addMediaType("application/yaml", OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)))
                                        .addMediaType("application/json", OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)))))
                        .addAPIResponse("503", OASFactory.createAPIResponse()
                                .description("The server could not produce the document").content(problemContent())));
    }

    private static Operation readinessOperation() {
        return OASFactory.createOperation().operationId("readiness").addTag("Health")
                .summary("Readiness (MicroProfile Health format)")
                .description("UP once the database is reachable and migrated. No authentication: load balancers call it.")
                .security(List.of())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Ready")
                                .content(healthContent()))
                        .addAPIResponse("503", OASFactory.createAPIResponse().description("Not ready yet")
                                .content(healthContent())));
    }

    private static Content healthContent() {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                        .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                                .addEnumeration("UP").addEnumeration("DOWN"))
                        .addProperty("checks", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)))));
    }

    /** True for the operations anyone may call. */
    static boolean isPublic(String path) {
        return DOCUMENT_PATH.equals(path) || READINESS_PATH.equals(path);
    }
}
