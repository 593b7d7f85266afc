package com.teaminbox.server.rest;

import jakarta.ws.rs.WebApplicationException;

/** A refusal whose message is a sentence meant for the caller. */
public class ProblemException extends WebApplicationException {

    public ProblemException(int status, String detail) {
        super(detail, status);
    }
}
