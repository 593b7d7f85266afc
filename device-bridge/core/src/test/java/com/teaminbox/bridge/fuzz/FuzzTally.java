package com.teaminbox.bridge.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Counts the inputs one fuzz target saw and prints one line about them when its class is done,
 * so that the surefire report (and {@code ./inbox fuzz}) shows what a run did:
 *
 * <pre>
 * fuzz StanzaCodec: 812345 executions in 30 s, corpus 61 kept + 240 generated (13 new)
 * fuzz StanzaCodec: replayed 61 kept inputs
 * </pre>
 *
 * "Kept" inputs are the checked-in ones in {@code src/test/resources/<package>/<Class>Inputs/<method>}
 * (seeds, coverage found earlier, former crashes); "generated" is Jazzer's working corpus in
 * {@code .cifuzz-corpus/<class>/<method>} of the module, which grows while fuzzing and is not
 * checked in. Register it with {@code @RegisterExtension} and call {@link #count()} first thing in
 * the fuzz target.
 */
public final class FuzzTally implements BeforeAllCallback, AfterAllCallback {
    private final String target;
    private final Class<?> testClass;
    private final String method;
    private final AtomicLong executions = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;
    private long generatedBefore;

    public FuzzTally(String target, Class<?> testClass, String method) {
        this.target = target;
        this.testClass = testClass;
        this.method = method;
    }

    /** One more input reached the fuzz target. */
    public void count() {
        long now = System.nanoTime();
        if (executions.getAndIncrement() == 0) {
            firstNanos = now;
        }
        lastNanos = now;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        generatedBefore = filesIn(generatedCorpus());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long kept = filesIn(keptCorpus());
        if (!fuzzing()) {
            System.out.printf(Locale.ROOT, "fuzz %s: replayed %d kept inputs%n", target, kept);
            return;
        }
        long generated = filesIn(generatedCorpus());
        double seconds = executions.get() == 0 ? 0 : (lastNanos - firstNanos) / 1e9;
        String line = String.format(Locale.ROOT,
                "fuzz %s: %d executions in %.0f s, corpus %d kept + %d generated (%d new)",
                target, executions.get(), seconds, kept, generated, generated - generatedBefore);
        System.out.println(line);
        // Surefire copies the forked JVM's system properties into the report XML: the count lands there too.
        System.setProperty("fuzz.report." + target, line);
    }

    /** Jazzer's own switch: set JAZZER_FUZZ (environment or system property) and it fuzzes. */
    private static boolean fuzzing() {
        String value = System.getenv("JAZZER_FUZZ") != null ? System.getenv("JAZZER_FUZZ") : System.getProperty("JAZZER_FUZZ");
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    private Path keptCorpus() {
        return Path.of("src/test/resources", testClass.getPackageName().replace('.', '/'),
                testClass.getSimpleName() + "Inputs", method);
    }

    private Path generatedCorpus() {
        return Path.of(".cifuzz-corpus", testClass.getName(), method);
    }

    private static long filesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
