package com.teaminbox.server.health;

import com.teaminbox.server.platform.DatabaseMigration;
import com.teaminbox.server.platform.InboxDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the database answers and every migration has been applied. Payara serves
 * it at /health/ready, and the inbox at /api/health/ready (see {@link ReadinessEndpoint}).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = InboxDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
        boolean reachable;
        try (Connection connection = dataSource.getConnection()) {
            reachable = connection.isValid(2);
        } catch (SQLException e) {
            reachable = false;
        }
        boolean migrated = reachable && migration.isUpToDate();
        return HealthCheckResponse.named("inbox-database")
                .status(reachable && migrated)
                .withData("reachable", reachable)
                .withData("migrated", migrated)
                .withData("schemaVersion", migration.schemaVersion())
                .build();
    }
}
