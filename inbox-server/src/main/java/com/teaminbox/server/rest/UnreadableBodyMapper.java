package com.teaminbox.server.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * A request body that JSON-B cannot read (broken JSON, a string where a number belongs) is the
 * caller's mistake: 400 with a sentence, not a 500 incident. The server makes no JAX-RS client
 * calls of its own, so a ProcessingException here comes from reading the request. A body that
 * grew past its size limit while JSON-B read it arrives here wrapped: it stays a 413.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ProcessingException exception) {
        Optional<BodyTooLarge> tooLarge = BodyTooLarge.in(exception);
        if (tooLarge.isPresent()) {
            return ProblemCatalog.forStatus(413, tooLarge.get().getMessage(), uri.getRequestUri().getPath()).toResponse();
        }
        return ProblemCatalog.forStatus(400, "The request body is not JSON of the expected shape.", uri.getRequestUri().getPath())
                .toResponse();
    }
}
