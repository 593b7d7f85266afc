package com.teaminbox.server;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API, version 1, under the WAR's context root (/api): /api/v1/...
 * Callers authenticate with a bearer access token from the inbox realm (MicroProfile JWT).
 * The CDI scope is required by Payara for the JsonWebToken injection to work.
 */
@ApplicationScoped
@ApplicationPath("v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
public class InboxApplication extends Application {
}
