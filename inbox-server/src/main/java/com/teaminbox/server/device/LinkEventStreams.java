package com.teaminbox.server.device;

import com.teaminbox.server.device.DeviceResource.LinkView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The link progress streams ({@code GET /devices/{id}/link/events}) on the container's shared
 * scheduler: each open stream is a look once a second, not a thread of its own asleep for up to
 * ten minutes, so screens left open on a link cost no threads.
 */
@ApplicationScoped
public class LinkEventStreams {

    /** How long one stream follows a link; a QR or pairing-code link is over well before. */
    static final Duration LONGEST = Duration.ofMinutes(10);

    /** After these nothing changes any more. */
    private static final Set<String> FINAL_STAGES = Set.of("linked", "failed", "revoked", "logged_out");

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private Jsonb json;

    @PostConstruct
    void init() {
        json = JsonbBuilder.create();
    }

    @PreDestroy
    void close() {
        try {
            json.close();
        } catch (Exception e) {
            // it holds nothing outside the heap
        }
    }

    /** "link" events of {@code progress}: one at once, then one whenever it changed, until a final stage. */
    public void follow(Supplier<LinkView> progress, SseEventSink sink, Sse sse) {
        scheduler.execute(new Look(progress, sink, sse, System.nanoTime() + LONGEST.toNanos()));
    }

    /** One look at the link; it schedules the next one itself while the stream goes on. */
    private final class Look implements Runnable {
        private final Supplier<LinkView> progress;
        private final SseEventSink sink;
        private final Sse sse;
        private final long deadline;
        private String last;

        Look(Supplier<LinkView> progress, SseEventSink sink, Sse sse, long deadline) {
            this.progress = progress;
            this.sink = sink;
            this.sse = sse;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            try {
                if (sink.isClosed() || System.nanoTime() >= deadline) {
                    sink.close();
                    return;
                }
                LinkView view = progress.get();
                String data = json.toJson(view);
                if (!data.equals(last)) {
                    sink.send(sse.newEventBuilder().name("link").mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build());
                    last = data;
                }
                if (FINAL_STAGES.contains(view.stage())) {
                    sink.close();
                    return;
                }
                scheduler.schedule(this, 1, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                sink.close(); // the client went away or the device vanished: the stream simply ends
            }
        }
    }
}
