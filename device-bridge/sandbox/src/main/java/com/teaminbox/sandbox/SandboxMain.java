package com.teaminbox.sandbox;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the sandbox network with a demo business and a few customers:
 * {@code java -jar device-bridge/sandbox/target/sandbox.jar [--port 7780] [--admin-port 7781]
 * [--data-dir sandbox-data] [--companion-limit 4]}.
 */
public final class SandboxMain {

    static final String DEMO_BUSINESS = "4930123456";

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxSettings settings = SandboxSettings.defaults(Path.of("sandbox-data"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            settings = switch (args[i]) {
                case "--port" -> settings.withPorts(Integer.parseInt(value), settings.adminPort());
                case "--admin-port" -> settings.withPorts(settings.port(), Integer.parseInt(value));
                case "--data-dir" -> new SandboxSettings(settings.host(), settings.port(), settings.adminPort(),
                        Path.of(value), settings.companionLimit(), settings.pairingCodeLifetime(),
                        settings.maxWrongPairingCodes(), settings.baseClock());
                case "--companion-limit" -> settings.withCompanionLimit(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --port, --admin-port, --data-dir, --companion-limit)");
            };
        }
        Sandbox sandbox = Sandbox.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
        if (sandbox.phone().isEmpty() && sandbox.switchboard().directory().find(DEMO_BUSINESS).isEmpty()) {
            sandbox.createBusiness(DEMO_BUSINESS, "Demo Bakery");
            sandbox.createCustomer("4915111111111", "Anna", 1);
            sandbox.createCustomer("4915122222222", "Ben", 2);
            sandbox.createCustomer("4915133333333", "Chiara", 1);
        }
        System.out.println("Sandbox network on " + sandbox.uri() + " (root key in " + settings.dataDir().resolve("root-public-key.txt") + ")");
        System.out.println("Admin API on http://" + settings.host() + ":" + sandbox.adminPort() + "/api/");
        System.out.println("Phone simulator on http://" + settings.host() + ":" + sandbox.adminPort() + "/");
        System.out.println("Demo business " + DEMO_BUSINESS + " (\"Demo Bakery\")");
        new CountDownLatch(1).await();
    }
}
