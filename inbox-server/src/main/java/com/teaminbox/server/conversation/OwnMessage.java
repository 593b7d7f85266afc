package com.teaminbox.server.conversation;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A message the business itself sent to a contact, seen by a companion: from the primary
 * phone, from another linked device, or the echo of a companion's own reply. It belongs in the
 * conversation, attributed to where it came from ("sent from the phone").
 *
 * @param deviceId the companion that sent it, when it was one of ours; null for the phone or
 *                 a device the inbox does not manage
 */
public record OwnMessage(long accountId, String networkMessageId, String contactPhone, Origin origin, Long deviceId,
                         String body, com.teaminbox.server.attachment.Attachment attachment, Instant sentAt) {

    /** Where a message of the business came from. */
    public enum Origin {
        COMPANION, PHONE, OTHER_DEVICE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OwnMessage {
        Objects.requireNonNull(networkMessageId, "networkMessageId");
        Objects.requireNonNull(contactPhone, "contactPhone");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sentAt, "sentAt");
        if (body == null && attachment == null) {
            throw new IllegalArgumentException("a message carries a body or an attachment");
        }
    }
}
