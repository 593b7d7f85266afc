package com.teaminbox.server.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The inbox database. Payara resolves {@code ${ENV=NAME:default}} when the application is
 * deployed, so the run script and the tests point it elsewhere with environment variables.
 * The defaults match a local PostgreSQL with trust authentication (see docs/configuration.md).
 */
@ApplicationScoped
@DataSourceDefinition(
        name = InboxDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${ENV=INBOX_DB_URL:jdbc:postgresql://127.0.0.1:5432/inbox}",
        user = "${ENV=INBOX_DB_USER:postgres}",
        password = "${ENV=INBOX_DB_PASSWORD:}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
        })
public class InboxDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/inbox";
}
