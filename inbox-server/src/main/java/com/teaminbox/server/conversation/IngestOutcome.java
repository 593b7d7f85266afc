package com.teaminbox.server.conversation;

import java.util.Optional;

/**
 * What ingest did with one copy of a message. The device session acknowledges the copy to the
 * network after the call returns, i.e. after the commit, whether or not it was the first: a
 * duplicate is already safely stored by the copy that won.
 *
 * @param firstCopy          true for the one copy that stored the message
 * @param conversationId     the conversation the message belongs to
 * @param openedConversation true when this message opened the conversation
 * @param assigneeId         who the conversation is assigned to after routing, if anyone
 * @param outOfHoursReply    the queue's automatic reply, when this message opened a conversation
 *                           outside the queue's business hours; the device session sends it
 */
public record IngestOutcome(boolean firstCopy, long conversationId, boolean openedConversation, Optional<Long> assigneeId,
                            Optional<String> outOfHoursReply) {
}
