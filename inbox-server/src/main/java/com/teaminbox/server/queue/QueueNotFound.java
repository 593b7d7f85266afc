package com.teaminbox.server.queue;

import com.teaminbox.server.Refusal;

public class QueueNotFound extends Refusal {

    public QueueNotFound(long id) {
        this(Long.toString(id));
    }

    public QueueNotFound(String which) {
        super("There is no queue " + which + ".");
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
