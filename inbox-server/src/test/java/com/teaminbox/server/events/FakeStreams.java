package com.teaminbox.server.events;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
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
        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            return new Builder();
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

    private static final class Builder implements OutboundSseEvent.Builder {
        private String name;
        private String comment;
        private Object data;

        @Override
        public OutboundSseEvent.Builder id(String id) {
            return this;
        }

        @Override
        public OutboundSseEvent.Builder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder reconnectDelay(long milliseconds) {
            return this;
        }

        @Override
        public OutboundSseEvent.Builder mediaType(MediaType mediaType) {
            return this;
        }

        @Override
        public OutboundSseEvent.Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Class type, Object data) {
            this.data = data;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(GenericType type, Object data) {
            this.data = data;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Object data) {
            this.data = data;
            return this;
        }

        @Override
        public OutboundSseEvent build() {
            return new Event(name, comment, data);
        }
    }
}
