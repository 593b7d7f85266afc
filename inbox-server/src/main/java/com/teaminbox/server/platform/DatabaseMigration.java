package com.teaminbox.server.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database. The migrations
 * live in the inbox-db jar (db/migration); Flyway owns the schema, Hibernate only validates
 * nothing and creates nothing.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = InboxDataSource.JNDI_NAME)
    private DataSource dataSource;

    private volatile boolean migrated;
    private volatile String schemaVersion = "none";

    @PostConstruct
    void migrate() {
        Flyway flyway = flyway();
        MigrateResult result = flyway.migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current() != null ? flyway.info().current().getVersion().getVersion() : "none";
        migrated = true;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** True once this start-up's migration finished and nothing is left pending. */
    public boolean isUpToDate() {
        return migrated && flyway().info().pending().length == 0;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    private Flyway flyway() {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
