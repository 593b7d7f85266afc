package com.teaminbox.sandbox.customer;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Demo customers that chat by themselves, so a demo inbox is never silent: on a new data folder
 * each writes an opening message, then every so often a random one asks the bakery something,
 * and each reads the business's replies a few seconds after they arrive. Off unless asked for
 * ({@code --demo-chatter}); the random source is handed in so tests can pin the conversation.
 */
public final class DemoChatter implements AutoCloseable {

    /** How often the customers write and how long they take to read a reply. */
    public record Pace(Duration minInterval, Duration maxInterval, Duration readAfter) {

        /** A lively but not noisy shop: someone writes every 45 to 90 seconds. */
        public static final Pace DEMO = new Pace(Duration.ofSeconds(45), Duration.ofSeconds(90), Duration.ofSeconds(3));

        public Pace {
            if (minInterval.isNegative() || maxInterval.compareTo(minInterval) < 0) {
                throw new IllegalArgumentException("the interval must run from min to max");
            }
        }
    }

    /** The first message of each demo customer, in turn; the list wraps for more customers. */
    public static final List<String> OPENINGS = List.of(
            "Good morning! Do you have fresh rye bread today?",
            "Hi, I'd like to order a birthday cake for Saturday. Is that possible?",
            "Hello, are you open on Sunday?");

    /** What demo customers ask while the sandbox runs. */
    public static final List<String> QUESTIONS = List.of(
            "Do you still have croissants left?",
            "Can I pick up my order after 6 pm?",
            "Is the sourdough bread made without yeast?",
            "Do you have anything gluten-free?",
            "How much is a dozen bread rolls?",
            "Could you set aside two pretzels for me?",
            "Do you deliver to Kreuzberg?",
            "Is the cheesecake with or without raisins?",
            "Can I pay by card?",
            "Do you make vegan cakes on order?");

    private static final System.Logger LOG = System.getLogger(DemoChatter.class.getName());

    private final String business;
    private final List<SimulatedCustomer> customers;
    private final Pace pace;
    private final Random random;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-chatter");
        thread.setDaemon(true);
        return thread;
    });

    private DemoChatter(String business, List<SimulatedCustomer> customers, Pace pace, Random random) {
        this.business = business;
        this.customers = List.copyOf(customers);
        this.pace = pace;
        this.random = random;
    }

    /**
     * Starts the chatter: the customers read replies by themselves from now on; with
     * {@code openings} each first writes its opening message (a new data folder).
     */
    public static DemoChatter start(String business, List<SimulatedCustomer> customers, boolean openings, Pace pace,
                                    Random random) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no demo customers to chat");
        }
        DemoChatter chatter = new DemoChatter(business, customers, pace, random);
        customers.forEach(c -> c.readAfter(pace.readAfter()));
        if (openings) {
            chatter.writer.execute(() -> {
                for (int i = 0; i < chatter.customers.size(); i++) {
                    chatter.write(chatter.customers.get(i), OPENINGS.get(i % OPENINGS.size()));
                }
            });
        }
        chatter.scheduleNext();
        return chatter;
    }

    private void scheduleNext() {
        long spread = pace.maxInterval().toMillis() - pace.minInterval().toMillis();
        long wait = pace.minInterval().toMillis() + (spread == 0 ? 0 : (long) (random.nextDouble() * spread));
        try {
            writer.schedule(() -> {
                write(customers.get(random.nextInt(customers.size())), QUESTIONS.get(random.nextInt(QUESTIONS.size())));
                scheduleNext();
            }, wait, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // closed while a customer was writing: nothing more to schedule
        }
    }

    private void write(SimulatedCustomer customer, String text) {
        try {
            customer.send(business, text);
        } catch (RuntimeException e) {
            // A customer that is reconnecting just stays quiet this time.
            LOG.log(System.Logger.Level.INFO, customer.name() + " did not chat: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
