package com.teaminbox.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything nobody expected: logged with an incident id, answered with that id and nothing
 * of the internals.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        // a body past its limit, wrapped by whatever was reading it, is the caller's 413
        Optional<BodyTooLarge> tooLarge = BodyTooLarge.in(failure);
        if (tooLarge.isPresent()) {
            return ProblemCatalog.forStatus(413, tooLarge.get().getMessage(), uri.getRequestUri().getPath()).toResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return ProblemCatalog.forStatus(500,
                "The server failed to handle the request; the failure was logged as incident " + incident + ".",
                uri.getRequestUri().getPath()).toResponse();
    }
}
