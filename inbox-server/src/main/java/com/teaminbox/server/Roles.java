package com.teaminbox.server;

/** The realm roles of the inbox, as they arrive in the token's {@code groups} claim. */
public final class Roles {
    public static final String AGENT = "agent";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
