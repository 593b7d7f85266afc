package com.teaminbox.server.attachment;

import com.teaminbox.bridge.fanout.MediaReference;
import com.teaminbox.server.device.keys.KeyKind;
import com.teaminbox.server.device.keys.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The message_media rows. Writes join the caller's transaction (the message and its attachment
 * are stored together or not at all); the media key is sealed under the master key and bound
 * to the message, so a row copied onto another message does not open.
 */
@ApplicationScoped
public class AttachmentStore {

    private static final Logger LOG = Logger.getLogger(AttachmentStore.class.getName());
    /** The widths of mime_type and direct_path: a refused reference is kept cut to them, never lost. */
    private static final int TYPE_COLUMN = 255;
    private static final int PATH_COLUMN = 512;

    /** The name half of the seal's binding; the message id takes the device id's place. */
    private static final String SEAL_NAME = "message";

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private MasterKey masterKey;

    /**
     * What a message list shows of an attachment: enough to draw it and to fetch it, or the
     * refusal to show instead.
     */
    public record Summary(String mimeType, String fileName, long size, Optional<MediaRefusal> refusal) {
    }

    public void store(long messageId, Attachment attachment) {
        MediaReference reference = attachment.reference();
        attachment.refusal().ifPresent(refusal -> LOG.warning(() -> "Attachment of message " + messageId
                + " refused (" + refusal.code() + "); it will not be fetched: " + attachment));
        byte[] key = reference.mediaKey();
        try {
            em.createNativeQuery("""
                    INSERT INTO message_media (message_id, mime_type, file_name, file_length, direct_path,
                                               file_sha256, file_enc_sha256, sealed_media_key, refusal)
                    VALUES (?1, ?2, CAST(?3 AS varchar), ?4, ?5, ?6, ?7, ?8, CAST(?9 AS varchar))
                    """).setParameter(1, messageId).setParameter(2, cut(attachment.mimeType(), TYPE_COLUMN))
                    .setParameter(3, attachment.fileName()).setParameter(4, attachment.length())
                    .setParameter(5, cut(reference.directPath(), PATH_COLUMN)).setParameter(6, reference.fileSha256())
                    .setParameter(7, reference.fileEncSha256())
                    .setParameter(8, masterKey.cipher().seal(messageId, KeyKind.MEDIA_KEY, SEAL_NAME, key))
                    .setParameter(9, attachment.refusal().map(MediaRefusal::code).orElse(null))
                    .executeUpdate();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width);
    }

    private static MediaRefusal refusalOf(Object code) {
        // A code this version does not know is still a refusal: never fetch what was refused.
        return code == null ? null : MediaRefusal.ofCode((String) code).orElse(MediaRefusal.FOREIGN_PATH);
    }

    /** The attachment of a message, its key opened; empty when the message has none. */
    public Optional<Attachment> find(long messageId) {
        List<?> rows = em.createNativeQuery("""
                SELECT mime_type, file_name, file_length, direct_path, file_sha256, file_enc_sha256, sealed_media_key,
                       refusal
                  FROM message_media WHERE message_id = ?1""").setParameter(1, messageId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        byte[] key = masterKey.cipher().open(messageId, KeyKind.MEDIA_KEY, SEAL_NAME, (byte[]) row[6]);
        try {
            MediaReference reference = new MediaReference((String) row[3], (String) row[0], key, (byte[]) row[4],
                    (byte[]) row[5], ((Number) row[2]).longValue());
            return Optional.of(new Attachment(reference, (String) row[1], refusalOf(row[7])));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Summaries for a page of messages, by message id (no key is opened). */
    public Map<Long, Summary> summaries(Collection<Long> messageIds) {
        Map<Long, Summary> found = new HashMap<>();
        if (messageIds.isEmpty()) {
            return found;
        }
        List<?> rows = em.createNativeQuery("""
                SELECT message_id, mime_type, file_name, file_length, refusal FROM message_media
                 WHERE message_id = ANY(CAST(?1 AS bigint[]))""")
                .setParameter(1, messageIds.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String mime = (String) r[1];
            found.put(((Number) r[0]).longValue(),
                    new Summary(mime, Attachment.displayName(mime, (String) r[2]), ((Number) r[3]).longValue(),
                            Optional.ofNullable(refusalOf(r[4]))));
        }
        return found;
    }
}
