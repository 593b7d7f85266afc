package com.teaminbox.server.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Makes the demo business once the schema is up to date (a no-op outside the demo profile). */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoBusinessStartup {

    @Inject
    private DemoBusiness demo;

    @PostConstruct
    void start() {
        demo.ensure();
    }
}
