package com.teaminbox.server.settings;

import static com.teaminbox.server.primary.WebhookSignature.MAKE_ONE;
import static com.teaminbox.server.primary.WebhookSignature.MIN_SECRET_BYTES;

import com.teaminbox.server.primary.WebhookDestination;
import com.teaminbox.server.primary.WebhookRefused;
import com.teaminbox.server.primary.WebhookSignature;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What the webhook section accepts, apart from the database so that it can be tested alone: an
 * http or https URL without user name or password whose host is not private (unless private
 * destinations are allowed), and a signing secret of at least 32 bytes. Cheap checks first, the
 * host's addresses last.
 */
final class WebhookSectionRules {

    static final String SECRET_TOO_SHORT = "The webhook secret must be at least " + MIN_SECRET_BYTES
            + " bytes long (" + MAKE_ONE + ").";
    static final String NEEDS_SECRET = "The webhook needs a secret: every POST is signed with it.";
    static final String SECRET_IN_FORCE_TOO_SHORT = "The webhook secret in force is shorter than " + MIN_SECRET_BYTES
            + " bytes; give a new one of at least " + MIN_SECRET_BYTES + " bytes (" + MAKE_ONE + ").";

    private WebhookSectionRules() {
    }

    /**
     * @param url           the URL to save, null for none
     * @param givenSecret   null: the secret in force stays; empty: none
     * @param secretInForce the secret in force before the change
     * @param allowPrivate  whether private destinations are allowed after the change
     * @throws SettingRejected with the sentence for the admin
     */
    static void check(String url, String givenSecret, Optional<String> secretInForce, boolean allowPrivate,
                      WebhookDestination.Resolver resolver) {
        URI target = url == null ? null : parse(url);
        if (givenSecret != null && !givenSecret.isEmpty() && !WebhookSignature.longEnough(givenSecret)) {
            throw new SettingRejected(SECRET_TOO_SHORT);
        }
        if (target == null) {
            return;
        }
        String secretAfter = givenSecret != null ? givenSecret : secretInForce.orElse("");
        if (secretAfter.isEmpty()) {
            throw new SettingRejected(NEEDS_SECRET);
        }
        if (!WebhookSignature.longEnough(secretAfter)) {
            throw new SettingRejected(SECRET_IN_FORCE_TOO_SHORT);
        }
        try {
            WebhookDestination.resolve(target, allowPrivate, resolver);
        } catch (WebhookRefused refused) {
            throw new SettingRejected(refused.getMessage());
        } catch (UnknownHostException notFoundYet) {
            // Accepted: the receiver's name may be set up after the inbox; every POST checks it again.
        }
    }

    private static URI parse(String url) {
        try {
            return WebhookDestination.parse(url);
        } catch (WebhookRefused refused) {
            throw new SettingRejected(refused.getMessage());
        }
    }
}
