package com.teaminbox.server.conversation;

import com.teaminbox.server.Refusal;

/**
 * No such conversation, or one the caller may not see: the two read the same so that a
 * guessed id reveals nothing.
 */
public class ConversationNotFound extends Refusal {

    public ConversationNotFound(long id) {
        super("There is no conversation " + id + " that you can see.");
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
