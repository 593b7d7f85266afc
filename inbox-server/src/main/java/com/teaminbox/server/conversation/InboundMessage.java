package com.teaminbox.server.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's message as a device session hands it over: the same message arrives once per
 * linked companion, each copy with the same network message id.
 *
 * @param accountId        the business account whose number the customer wrote to
 * @param networkMessageId the network's id of the message, unique within the account
 * @param contactPhone     the customer's number (E.164)
 * @param contactName      the name the customer's profile shows, if any
 * @param body             the text, if any
 * @param attachment       the file it carries, if any (with its media key)
 * @param sentAt           the network's timestamp
 */
public record InboundMessage(long accountId, String networkMessageId, String contactPhone, String contactName,
                             String body, com.teaminbox.server.attachment.Attachment attachment, Instant sentAt) {

    public InboundMessage {
        Objects.requireNonNull(networkMessageId, "networkMessageId");
        Objects.requireNonNull(contactPhone, "contactPhone");
        Objects.requireNonNull(sentAt, "sentAt");
        if (body == null && attachment == null) {
            throw new IllegalArgumentException("a message carries a body or an attachment");
        }
    }
}
