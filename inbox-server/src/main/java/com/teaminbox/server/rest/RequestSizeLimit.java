package com.teaminbox.server.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON requests larger than 1 MiB are refused with 413; no JSON request of this API needs
 * more. The one exception is an attachment upload (the file itself is the body), which may be
 * up to 64 MiB. A declared Content-Length above the limit is refused before anything reads the
 * body; every body is also counted while it is read ({@link CountedBody}), because a chunked
 * body declares no length at all.
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
        String path = request.getUriInfo().getRequestUri().getPath();
        if (isAttachmentUpload(request)) {
            // a file, not JSON: the attachment limit applies, with the agent's sentence
            long limit = com.teaminbox.server.attachment.AttachmentPolicy.MAX_BYTES;
            if (request.getLength() > limit) {
                request.abortWith(ProblemCatalog.forStatus(413, "The file is "
                        + com.teaminbox.server.attachment.AttachmentPolicy.humanSize(request.getLength())
                        + "; attachments may be at most 64 MB.", path).toResponse());
                return;
            }
            request.setEntityStream(new CountedBody(request.getEntityStream(), limit,
                    "The file is larger than 64 MB; attachments may be at most 64 MB."));
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(ProblemCatalog.forStatus(413,
                    "The request body is " + request.getLength() + " bytes; this API accepts at most " + MAX_BYTES + " bytes.",
                    path).toResponse());
            return;
        }
        request.setEntityStream(new CountedBody(request.getEntityStream(), MAX_BYTES,
                "The request body is larger than " + MAX_BYTES + " bytes; this API accepts at most " + MAX_BYTES + " bytes."));
    }
}
