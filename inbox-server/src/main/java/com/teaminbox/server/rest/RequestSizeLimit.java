package com.teaminbox.server.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON requests larger than 1 MiB are refused with 413 before anything reads them; no JSON
 * request of this API needs more. The one exception is an attachment upload (the file itself
 * is the body), which may be up to 64 MiB.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;

    private static final java.util.regex.Pattern ATTACHMENTS = java.util.regex.Pattern.compile(".*/conversations/[0-9]+/attachments/?");

    private static boolean isAttachmentUpload(ContainerRequestContext request) {
        return "POST".equals(request.getMethod()) && ATTACHMENTS.matcher(request.getUriInfo().getRequestUri().getPath()).matches();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isAttachmentUpload(request)) {
            // a file, not JSON: the attachment limit applies, with the agent's sentence
            if (request.getLength() > com.teaminbox.server.attachment.AttachmentPolicy.MAX_BYTES) {
                request.abortWith(ProblemCatalog.forStatus(413, "The file is "
                        + com.teaminbox.server.attachment.AttachmentPolicy.humanSize(request.getLength())
                        + "; attachments may be at most 64 MB.", request.getUriInfo().getRequestUri().getPath()).toResponse());
            }
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(ProblemCatalog.forStatus(413,
                    "The request body is " + request.getLength() + " bytes; this API accepts at most " + MAX_BYTES + " bytes.",
                    request.getUriInfo().getRequestUri().getPath()).toResponse());
        }
    }
}
