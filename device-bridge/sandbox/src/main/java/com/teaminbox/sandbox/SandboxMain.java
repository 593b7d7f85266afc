package com.teaminbox.sandbox;

import com.teaminbox.sandbox.customer.DemoChatter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the sandbox network with a demo business and a few customers:
 * {@code java -jar device-bridge/sandbox/target/sandbox.jar [--port 7780] [--admin-port 7781]
 * [--data-dir sandbox-data] [--companion-limit 4] [--demo-chatter]}.
 */
public final class SandboxMain {

    static final String DEMO_BUSINESS = "4930123456";
    /** Anna, Ben and Chiara: the customers a new data folder starts with. */
    static final List<String> DEMO_CUSTOMERS = List.of("4915111111111", "4915122222222", "4915133333333");

    private SandboxMain() {
    }

    /** What the command line asks for. */
    record Options(SandboxSettings settings, boolean demoChatter) {
    }

    static Options parse(String... args) {
        SandboxSettings settings = SandboxSettings.defaults(Path.of("sandbox-data"));
        boolean demoChatter = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--demo-chatter")) {
                demoChatter = true; // a flag: no value follows
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String option = args[i];
            String value = args[++i];
            settings = switch (option) {
                case "--port" -> settings.withPorts(Integer.parseInt(value), settings.adminPort());
                case "--admin-port" -> settings.withPorts(settings.port(), Integer.parseInt(value));
                case "--data-dir" -> new SandboxSettings(settings.host(), settings.port(), settings.adminPort(),
                        Path.of(value), settings.companionLimit(), settings.pairingCodeLifetime(),
                        settings.maxWrongPairingCodes(), settings.baseClock());
                case "--companion-limit" -> settings.withCompanionLimit(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + option
                        + " (use --port, --admin-port, --data-dir, --companion-limit, --demo-chatter)");
            };
        }
        return new Options(settings, demoChatter);
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = parse(args);
        SandboxSettings settings = options.settings();
        boolean demoChatter = options.demoChatter();
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(settings);
        } catch (RuntimeException e) {
            // One sentence for ./inbox, which shows the log's last lines; the trace below it for us.
            System.err.println("The sandbox network could not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
        boolean fresh = sandbox.phone().isEmpty() && sandbox.switchboard().directory().find(DEMO_BUSINESS).isEmpty();
        if (fresh) {
            sandbox.createBusiness(DEMO_BUSINESS, "Demo Bakery");
            sandbox.createCustomer(DEMO_CUSTOMERS.get(0), "Anna", 1);
            sandbox.createCustomer(DEMO_CUSTOMERS.get(1), "Ben", 2);
            sandbox.createCustomer(DEMO_CUSTOMERS.get(2), "Chiara", 1);
        }
        System.out.println("Sandbox network on " + sandbox.uri() + " (root key in " + settings.dataDir().resolve("root-public-key.txt") + ")");
        System.out.println("Admin API on http://" + settings.host() + ":" + sandbox.adminPort() + "/api/");
        System.out.println("Phone simulator on http://" + settings.host() + ":" + sandbox.adminPort() + "/");
        System.out.println("Demo business " + DEMO_BUSINESS + " (\"Demo Bakery\")");
        if (demoChatter && sandbox.phone().isPresent()) {
            sandbox.startDemoChatter(DEMO_CUSTOMERS, fresh, DemoChatter.Pace.DEMO, new Random());
            System.out.println("Demo customers chat by themselves (every 45-90 s)");
        }
        new CountDownLatch(1).await();
    }
}
