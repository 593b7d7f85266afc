package com.teaminbox.server.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON requests larger than 1 MiB are refused with 413 before anything reads them; no
 * request of this API needs more (media travels through the device, not through JSON).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(ProblemCatalog.forStatus(413,
                    "The request body is " + request.getLength() + " bytes; this API accepts at most " + MAX_BYTES + " bytes.",
                    request.getUriInfo().getRequestUri().getPath()).toResponse());
        }
    }
}
