package com.teaminbox.server.events;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Server-sent event streams without a container: what was sent to each client, and a client that went away. */
final class FakeStreams {

    private FakeStreams() {
    }

    /** One client's end of a stream: every event written to it, as "name data" or ": comment". */
    static final class Client implements SseEventSink {
        final List<String> received = new CopyOnWriteArrayList<>();
        private volatile boolean gone;
        private volatile boolean closed;

        /** The client closed its connection: the next write fails, as a socket's would. */
        void leave() {
            gone = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (closed) {
                throw new IllegalStateException("closed"); // what Jersey's sink does
            }
            if (gone) {
                closed = true;
                return CompletableFuture.failedFuture(new IOException("Broken pipe"));
            }
            received.add(event.getComment() != null ? ": " + event.getComment() : event.getName() + " " + event.getData());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }

        boolean heard(String text) {
            return received.stream().anyMatch(line -> line.contains(text));
        }
    }

    static final Sse SSE = new Sse() {
        /** Keeps the last value given to each builder method (name, comment, data; the rest does not matter here). */
        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            Map<String, Object> given = new HashMap<>();
            return (OutboundSseEvent.Builder) Proxy.newProxyInstance(FakeStreams.class.getClassLoader(),
                    new Class<?>[] {OutboundSseEvent.Builder.class}, (builder, method, args) -> {
                        if (method.getName().equals("build")) {
                            return new Event((String) given.get("name"), (String) given.get("comment"), given.get("data"));
                        }
                        given.put(method.getName(), args[args.length - 1]);
                        return builder;
                    });
        }

        @Override
        public SseBroadcaster newBroadcaster() {
            throw new UnsupportedOperationException();
        }
    };

    private record Event(String getName, String getComment, Object getData) implements OutboundSseEvent {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public Type getGenericType() {
            return String.class;
        }

        @Override
        public MediaType getMediaType() {
            return null;
        }

        @Override
        public String getId() {
            return null;
        }

        @Override
        public long getReconnectDelay() {
            return -1;
        }

        @Override
        public boolean isReconnectDelaySet() {
            return false;
        }
    }
}
