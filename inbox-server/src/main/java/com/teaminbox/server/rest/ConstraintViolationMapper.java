package com.teaminbox.server.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Bean Validation failures on a request: 400, and the detail names each field as the client
 * sent it ("status: must match ..."), not the Java method path Hibernate Validator reports.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        String detail = exception.getConstraintViolations().stream()
                .map(violation -> field(violation) + ": " + violation.getMessage())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; "));
        return ProblemCatalog.forStatus(400, detail.isEmpty() ? null : detail, uri.getRequestUri().getPath()).toResponse();
    }

    /** The last node of the path: the JSON field (or query parameter) the client got wrong. */
    private static String field(ConstraintViolation<?> violation) {
        String name = "request";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null && !node.getName().startsWith("arg") && !node.getName().startsWith("<")) {
                name = node.getName();
            }
        }
        return name;
    }
}
