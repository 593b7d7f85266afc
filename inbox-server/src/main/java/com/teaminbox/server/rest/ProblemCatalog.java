package com.teaminbox.server.rest;

import jakarta.ws.rs.core.Response;

/**
 * The sentence the API says for each status when the code that failed had nothing more
 * precise to say. Shared by the JAX-RS mappers and the container's error page, so that a
 * 401 reads the same whether JAX-RS or the security layer refused the call.
 */
public final class ProblemCatalog {

    private ProblemCatalog() {
    }

    public static Problem forStatus(int status, String detail, String path) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        // Jakarta REST 3.1 has no constant for 422 (RFC 9110 "Unprocessable Content").
        String title = type != null ? type.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "HTTP " + status;
        return new Problem("about:blank", title, status, detail != null ? detail : defaultDetail(status), path);
    }

    public static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "Sign in first: this call needs a valid, unexpired bearer token from the inbox realm.";
            case 403 -> "Your role does not allow this call.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the media type you asked for.";
            case 409 -> "The request conflicts with the current state.";
            case 413 -> "The request body is too large.";
            case 415 -> "This address does not accept that media type.";
            case 422 -> "The request is well-formed but some of its values are not acceptable.";
            case 500 -> "The server failed to handle the request; the failure was logged.";
            case 503 -> "The server is not ready yet; try again in a moment.";
            default -> "The request failed.";
        };
    }
}
