package com.teaminbox.bridge.fanout;

import com.teaminbox.bridge.signal.InvalidEncodingException;
import com.teaminbox.bridge.signal.InvalidMessageException;
import com.teaminbox.bridge.signal.WireReader;
import com.teaminbox.bridge.signal.WireWriter;
import java.util.Optional;

/**
 * The one definition of the plaintext inside a per-device ciphertext. Big-endian; strings are
 * length-prefixed strict UTF-8; nothing may follow the last field.
 *
 * <pre>
 * payload  := version(1)=1 kind(1) body
 * kind 1   := content                          (to the recipient's devices)
 * kind 2   := destinationUser(str16) content   (SentByMe, to the own account's devices)
 * kind 3   := progress(1, 0..100) count(2) count * (sentByMe(1) content)
 *                                            (HistoryChunk, from the primary to a new companion)
 * content  := messageId(str16) chatUser(str16) timestampMillis(8) text(str32, at most 64 KiB)
 *             hasMedia(1) [directPath(str16) mimeType(str16) mediaKey(32) fileSha256(32) fileEncSha256(32)
 *             fileLength(8)]
 * </pre>
 */
public final class ContentFormat {
    static final int VERSION = 1;
    private static final int KIND_CONTENT = 1;
    private static final int KIND_SENT_BY_ME = 2;
    private static final int KIND_HISTORY = 3;
    private static final int MAX_ID = 256;
    private static final int MAX_USER = 256;
    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_PATH = 2048;

    private ContentFormat() {
    }

    public static byte[] encode(FanoutPayload payload) {
        WireWriter out = new WireWriter().u8(VERSION);
        if (payload instanceof SentByMe sentByMe) {
            out.u8(KIND_SENT_BY_ME).shortText(sentByMe.destinationUser());
            writeContent(out, sentByMe.content());
        } else if (payload instanceof HistoryChunk history) {
            out.u8(KIND_HISTORY).u8(history.progressPercent()).u16(history.entries().size());
            for (HistoryEntry entry : history.entries()) {
                out.u8(entry.sentByMe() ? 1 : 0);
                writeContent(out, entry.content());
            }
        } else {
            out.u8(KIND_CONTENT);
            writeContent(out, (MessageContent) payload);
        }
        return out.toByteArray();
    }

    public static FanoutPayload decode(byte[] bytes) throws InvalidMessageException {
        try {
            WireReader in = new WireReader(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new InvalidEncodingException("unknown content version " + version);
            }
            int kind = in.u8();
            FanoutPayload payload = switch (kind) {
                case KIND_CONTENT -> readContent(in);
                case KIND_SENT_BY_ME -> new SentByMe(nonEmpty(in.shortText(MAX_USER)), readContent(in));
                case KIND_HISTORY -> readHistory(in);
                default -> throw new InvalidEncodingException("unknown content kind " + kind);
            };
            in.expectEnd();
            return payload;
        } catch (InvalidEncodingException e) {
            throw new InvalidMessageException("malformed message content: " + e.getMessage(), e);
        }
    }

    /** Refuses on the sending side what every receiver would reject, rather than sending it. */
    private static void writeContent(WireWriter out, MessageContent content) {
        requireAtMost(content.messageId(), MAX_ID, "message id");
        requireAtMost(content.chatUser(), MAX_USER, "chat user");
        requireAtMost(content.text(), MAX_TEXT, "text");
        content.media().ifPresent(media -> requireAtMost(media.directPath(), MAX_PATH, "media path"));
        out.shortText(content.messageId()).shortText(content.chatUser()).i64(content.timestampMillis())
                .text(content.text());
        out.u8(content.media().isPresent() ? 1 : 0);
        content.media().ifPresent(media -> out.shortText(media.directPath()).shortText(media.mimeType())
                .bytes(media.mediaKey()).bytes(media.fileSha256()).bytes(media.fileEncSha256()).i64(media.fileLength()));
    }

    private static HistoryChunk readHistory(WireReader in) throws InvalidEncodingException {
        int progress = in.u8();
        int count = in.u16();
        if (progress > 100 || count > HistoryChunk.MAX_ENTRIES) {
            throw new InvalidEncodingException("history progress " + progress + " or count " + count + " out of range");
        }
        java.util.List<HistoryEntry> entries = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean sentByMe = in.flag();
            entries.add(new HistoryEntry(sentByMe, readContent(in)));
        }
        return new HistoryChunk(progress, entries);
    }

    private static MessageContent readContent(WireReader in) throws InvalidEncodingException {
        String messageId = nonEmpty(in.shortText(MAX_ID));
        String chatUser = nonEmpty(in.shortText(MAX_USER));
        long timestamp = in.i64();
        String text = in.text(MAX_TEXT);
        Optional<MediaReference> media = Optional.empty();
        if (in.flag()) {
            String path = in.shortText(MAX_PATH);
            String mimeType = in.shortText(MAX_ID);
            byte[] mediaKey = in.bytes(MediaReference.MEDIA_KEY_LENGTH);
            byte[] sha256 = in.bytes(MediaReference.SHA256_LENGTH);
            byte[] encSha256 = in.bytes(MediaReference.SHA256_LENGTH);
            long length = in.i64();
            if (length < 0) {
                throw new InvalidEncodingException("negative media length");
            }
            media = Optional.of(new MediaReference(path, mimeType, mediaKey, sha256, encSha256, length));
        }
        return new MessageContent(messageId, chatUser, timestamp, text, media);
    }

    private static void requireAtMost(String value, int maxBytes, String field) {
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
            throw new IllegalArgumentException(field + " is longer than " + maxBytes + " bytes");
        }
    }

    private static String nonEmpty(String value) throws InvalidEncodingException {
        if (value.isEmpty()) {
            throw new InvalidEncodingException("required text field is empty");
        }
        return value;
    }
}
