package com.teaminbox.server.attachment;

import com.teaminbox.bridge.fanout.MediaReference;
import com.teaminbox.bridge.media.ForeignMediaPathException;
import com.teaminbox.bridge.media.MediaDownload;
import com.teaminbox.bridge.media.MediaTamperedException;
import com.teaminbox.bridge.media.MediaUpload;
import com.teaminbox.bridge.media.OversizedMediaException;
import com.teaminbox.bridge.media.TransferPace;
import com.teaminbox.server.device.session.NetworkSettings;
import com.teaminbox.server.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The network's media host as the inbox uses it: encrypt and upload what an agent attaches,
 * fetch and open what a message refers to. Failures become 502 problems with a sentence; a
 * blob that does not match its message is never handed out. A refused attachment is never
 * fetched at all ({@link AttachmentRefused}), and a fetch reads no more than the file's
 * encrypted size, at a minimum pace ({@link TransferPace}).
 */
@ApplicationScoped
public class MediaHost {

    private static final Logger LOG = Logger.getLogger(MediaHost.class.getName());
    /** Generous for a 64 MiB upload over a slow link; the host is the network's, not ours. */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(2);

    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private NetworkSettings network;

    public MediaReference upload(String mimeType, byte[] file) {
        try {
            return new MediaUpload(http, network.mediaHost(), TRANSFER_TIMEOUT).upload(mimeType, file, random);
        } catch (IOException | IllegalStateException e) {
            LOG.warning(() -> "Attachment upload failed: " + e.getMessage());
            throw new ProblemException(502, "The file could not be uploaded to the network's media host ("
                    + e.getMessage() + "); nothing was sent. Try again in a moment.");
        }
    }

    /** @throws AttachmentRefused the attachment was refused when its message arrived; nothing is fetched */
    public byte[] download(long messageId, Attachment attachment) {
        if (attachment.refusal().isPresent()) {
            throw new AttachmentRefused(attachment.refusal().get());
        }
        try {
            return new MediaDownload(network.mediaHost(), TransferPace.DEFAULT).download(attachment.reference());
        } catch (ForeignMediaPathException e) {
            LOG.warning(() -> "Attachment of message " + messageId + " not fetched: " + e.getMessage());
            throw new AttachmentRefused(MediaRefusal.FOREIGN_PATH);
        } catch (OversizedMediaException e) {
            LOG.warning(() -> "Attachment of message " + messageId + " refused while fetching: " + e.getMessage());
            throw new ProblemException(502, "The network's media host sent more than this file can hold,"
                    + " so it is not shown.");
        } catch (MediaTamperedException e) {
            LOG.warning(() -> "Attachment of message " + messageId + " does not match its message: " + e.getMessage());
            throw new ProblemException(502, "The network's copy of this file does not match the message"
                    + " (it was altered or damaged), so it is not shown.");
        } catch (IOException | IllegalStateException e) {
            LOG.warning(() -> "Attachment of message " + messageId + " could not be fetched: " + e.getMessage());
            throw new ProblemException(502, "The file could not be fetched from the network's media host ("
                    + e.getMessage() + "). Try again in a moment.");
        }
    }
}
