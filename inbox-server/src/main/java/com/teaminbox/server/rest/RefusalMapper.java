package com.teaminbox.server.rest;

import com.teaminbox.server.Refusal;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The domain's refusals, with their own sentence, as problem+json. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Refusal refusal) {
        int status = switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case NOT_ALLOWED -> 403;
            case INVALID -> 422;
            case BUSY -> 429;
        };
        Response problem = ProblemCatalog.forStatus(status, refusal.getMessage(), uri.getRequestUri().getPath()).toResponse();
        return refusal.retryAfter()
                .map(wait -> Response.fromResponse(problem).header("Retry-After", Long.toString(wait.toSeconds())).build())
                .orElse(problem);
    }
}
