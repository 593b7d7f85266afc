package com.teaminbox.server.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the JAX-RS exceptions (not found, not allowed, forbidden, ...) into problem+json.
 * Their messages are framework text, not meant for users, so the catalog's sentence is used
 * unless the code raised a {@link ProblemException} with its own.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String detail = exception instanceof ProblemException problem ? problem.getMessage() : null;
        Response response = ProblemCatalog.forStatus(status, detail, uri.getRequestUri().getPath()).toResponse();
        if (status == 401) {
            return Response.fromResponse(response).header("WWW-Authenticate", "Bearer realm=\"inbox\"").build();
        }
        return response;
    }
}
