package com.teaminbox.sandbox;

import com.teaminbox.bridge.client.ClientSettings;
import com.teaminbox.bridge.client.ReconnectPolicy;
import com.teaminbox.sandbox.account.AccountDirectory;
import com.teaminbox.sandbox.account.InactivityRules;
import com.teaminbox.sandbox.admin.AdminApi;
import com.teaminbox.sandbox.clock.SandboxClock;
import com.teaminbox.sandbox.customer.LoadGenerator;
import com.teaminbox.sandbox.customer.SimulatedCustomer;
import com.teaminbox.sandbox.linking.LinkingDesk;
import com.teaminbox.sandbox.phone.SimulatedDevice;
import com.teaminbox.sandbox.phone.SimulatedPhone;
import com.teaminbox.sandbox.queue.QueueStore;
import com.teaminbox.sandbox.server.NetworkServer;
import com.teaminbox.sandbox.server.ServerIdentity;
import com.teaminbox.sandbox.server.Switchboard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One running sandbox network: the WebSocket endpoint, the switchboard behind it, the admin API,
 * and the simulated business phone and customers. Everything it must not forget lives in the
 * data folder (trust root, accounts, queues, clock offset).
 */
public final class Sandbox implements AutoCloseable {

    private final SandboxSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final SandboxClock clock;
    private final ServerIdentity identity;
    private final QueueStore queues;
    private final Switchboard switchboard;
    private volatile NetworkServer server;
    private final ScheduledExecutorService timers;
    private final Map<String, SimulatedCustomer> customers = new LinkedHashMap<>();
    private AdminApi admin;
    private final com.teaminbox.sandbox.media.BlobStore blobs;
    private SimulatedPhone phone;
    private LoadGenerator load;
    private com.teaminbox.sandbox.customer.DemoChatter chatter;

    private Sandbox(SandboxSettings settings) {
        this.settings = settings;
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + settings.dataDir(), e);
        }
        this.clock = SandboxClock.open(settings.baseClock(), settings.dataDir());
        this.identity = ServerIdentity.loadOrCreate(settings.dataDir(), clock.instant(), random);
        this.queues = new QueueStore(settings.dataDir());
        this.blobs = new com.teaminbox.sandbox.media.BlobStore(settings.dataDir());
        this.timers = Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, "sandbox-timers");
            thread.setDaemon(true);
            return thread;
        });
        this.switchboard = new Switchboard(clock, AccountDirectory.open(settings.dataDir()), queues,
                new LinkingDesk(random, settings.pairingCodeLifetime(), settings.maxWrongPairingCodes()),
                InactivityRules.standard(), settings.companionLimit(), timers);
        this.server = new NetworkServer(new InetSocketAddress(settings.host(), settings.port()), switchboard, identity, random);
    }

    /** Starts the network (and the admin API unless its port is negative). */
    public static Sandbox start(SandboxSettings settings) {
        Sandbox sandbox = new Sandbox(settings);
        try {
            sandbox.server.startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
        try {
            sandbox.timers.scheduleAtFixedRate(sandbox::sweepQuietly, 1, 1, TimeUnit.SECONDS);
            SimulationRecord.read(settings.dataDir()).ifPresent(sandbox::restore);
            if (settings.adminPort() >= 0) {
                sandbox.admin = AdminApi.start(new InetSocketAddress(settings.host(), settings.adminPort()), sandbox);
            }
        } catch (RuntimeException e) {
            // Without this the network's threads would keep a process alive that has no admin API.
            sandbox.stop(false);
            throw e;
        }
        return sandbox;
    }

    private synchronized void restore(SimulationRecord record) {
        ClientSettings clients = clientSettings();
        if (record.business() != null) {
            phone = SimulatedPhone.restore(record.business().device(), record.business().keyIndexes(), switchboard,
                    clock, clients, random).orElse(null);
        }
        for (SimulationRecord.Customer customer : record.customers()) {
            SimulatedCustomer.restore(customer.phoneNumber(), customer.name(), customer.devices(), switchboard, clock,
                    clients, random).ifPresent(restored -> customers.put(customer.phoneNumber(), restored));
        }
    }

    /** Writes the simulated phone and customers down; their clients must be offline (no concurrent use). */
    private synchronized void keepSimulation() {
        SimulationRecord.Business business = phone == null ? null
                : new SimulationRecord.Business(phone.phoneNumber(), phone.device().record(), phone.keyIndexes());
        new SimulationRecord(business, customers.values().stream().map(c -> new SimulationRecord.Customer(
                c.phoneNumber(), c.name(), c.devices().stream().map(SimulatedDevice::record).toList())).toList())
                .write(settings.dataDir());
    }

    private void sweepQuietly() {
        try {
            switchboard.sweep();
        } catch (RuntimeException e) {
            System.getLogger(Sandbox.class.getName()).log(System.Logger.Level.WARNING, "sweep failed", e);
        }
    }

    public URI uri() {
        return URI.create("ws://" + settings.host() + ":" + server.getPort() + "/");
    }

    /** The media host (served by the admin port), or empty without one. */
    public java.util.Optional<URI> mediaHost() {
        return admin == null ? java.util.Optional.empty()
                : java.util.Optional.of(URI.create("http://" + settings.host() + ":" + admin.port() + "/"));
    }

    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    public byte[] rootPublicKey() {
        return identity.rootPublicKey();
    }

    public SandboxClock clock() {
        return clock;
    }

    /** The media host: encrypted attachments, served by the admin port. */
    public com.teaminbox.sandbox.media.BlobStore blobs() {
        return blobs;
    }

    public Switchboard switchboard() {
        return switchboard;
    }

    /** Settings for a client of this network: pinned root, the sandbox clock, snappy timings. */
    public ClientSettings clientSettings() {
        return ClientSettings.of(uri(), ServerIdentity.ROOT_SERIAL, identity.rootPublicKey()).withClock(clock)
                .withTiming(Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(10),
                        Duration.ofMillis(50), new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), new Random()));
    }

    /**
     * Restarts the network endpoint in-process on the same port, as an outage of the real
     * network would: every connection is cut, the queues are read back from the data folder, and
     * devices log in again with their reconnect policy. Accounts, clock and simulation stay.
     */
    public synchronized void restartNetwork() {
        NetworkServer old = server;
        InetSocketAddress address = new InetSocketAddress(settings.host(), old.getPort());
        switchboard.cutAll();
        try {
            old.stop(500);
            switchboard.reloadQueues();
            NetworkServer restarted = new NetworkServer(address, switchboard, identity, random);
            restarted.startAndWait();
            server = restarted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the network", e);
        }
    }

    /** Moves the network's time forward and applies the lifecycle rules at once. */
    public void advanceClock(Duration by) {
        clock.advance(by);
        switchboard.sweep();
    }

    public synchronized SimulatedPhone createBusiness(String phoneNumber, String name) {
        if (phone != null) {
            throw new IllegalStateException("the sandbox simulates one business phone");
        }
        phone = SimulatedPhone.register(phoneNumber, name, switchboard, clock, clientSettings(), random);
        return phone;
    }

    public synchronized SimulatedCustomer createCustomer(String phoneNumber, String name, int devices) {
        SimulatedCustomer customer = SimulatedCustomer.register(phoneNumber, name, devices, switchboard, clock,
                clientSettings(), random);
        customers.put(phoneNumber, customer);
        return customer;
    }

    /** Starts a load run against the business: {@code customers} new customers numbered 49170000000xx. */
    public synchronized LoadGenerator startLoad(int customerCount, double ratePerSecond, int seconds, int messageSize) {
        if (phone == null) {
            throw new IllegalStateException("no business to send to");
        }
        if (load != null) {
            load.stop();
        }
        int first = customers.size();
        load = LoadGenerator.start(phone.phoneNumber(), customerCount, ratePerSecond, seconds, messageSize,
                i -> createCustomer(String.format("4917%09d", first + i), "Load " + (first + i), 1));
        return load;
    }

    /**
     * Lets these customers chat with the business by themselves (see {@code DemoChatter});
     * {@code openings} on a new data folder, where each first says hello.
     */
    public synchronized com.teaminbox.sandbox.customer.DemoChatter startDemoChatter(java.util.List<String> customerNumbers,
            boolean openings, com.teaminbox.sandbox.customer.DemoChatter.Pace pace, Random chance) {
        if (phone == null) {
            throw new IllegalStateException("no business to chat with");
        }
        if (chatter != null) {
            chatter.close();
        }
        java.util.List<SimulatedCustomer> chatting = customerNumbers.stream().map(customers::get)
                .filter(java.util.Objects::nonNull).toList();
        chatter = com.teaminbox.sandbox.customer.DemoChatter.start(phone.phoneNumber(), chatting, openings, pace, chance);
        return chatter;
    }

    public synchronized Optional<LoadGenerator> load() {
        return Optional.ofNullable(load);
    }

    public synchronized Optional<SimulatedPhone> phone() {
        return Optional.ofNullable(phone);
    }

    public synchronized Optional<SimulatedCustomer> customer(String phoneNumber) {
        return Optional.ofNullable(customers.get(phoneNumber));
    }

    public synchronized Map<String, SimulatedCustomer> customers() {
        return Map.copyOf(customers);
    }

    @Override
    public void close() {
        stop(true);
    }

    /** Stops everything; {@code keepSimulation} is false after a failed start, whose world is incomplete. */
    private void stop(boolean keepSimulation) {
        if (admin != null) {
            admin.stop();
        }
        synchronized (this) {
            if (load != null) {
                load.stop();
            }
            if (chatter != null) {
                chatter.close();
            }
        }
        synchronized (this) {
            if (phone != null) {
                phone.goOffline();
            }
            customers.values().forEach(SimulatedCustomer::goOffline);
            if (keepSimulation) {
                keepSimulation();
            }
        }
        switchboard.disconnectAll();
        try {
            server.stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        queues.close();
    }
}
