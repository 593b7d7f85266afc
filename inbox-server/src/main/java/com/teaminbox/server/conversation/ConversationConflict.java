package com.teaminbox.server.conversation;

import com.teaminbox.server.Refusal;

/** The conversation changed under the caller: someone else claimed it, it is already resolved, ... */
public class ConversationConflict extends Refusal {

    public ConversationConflict(String sentence) {
        super(sentence);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
