package com.teaminbox.server.device.keys;

import com.teaminbox.bridge.crypto.Hkdf;
import com.teaminbox.server.platform.InboxProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that seals every device's key material at rest. A production inbox refuses to start
 * without one; the demo profile falls back to a public, fixed key so that a laptop demo needs
 * no setup. The key never appears in a log or a message.
 */
@ApplicationScoped
public class MasterKey {

    static final String KEY_SETTING = "inbox.devices.master-key";
    static final String KEY_ENV = "INBOX_DEVICES_MASTER_KEY";

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());

    /** Public by design: anyone with this source can derive the demo key. */
    private static final byte[] DEMO_SEED = "team-inbox public demo master key; never for real customers"
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    @ConfigProperty(name = KEY_SETTING)
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = InboxProfile.SETTING, defaultValue = InboxProfile.DEFAULT)
    String profile;

    private volatile KeyMaterialCipher cipher;

    /** Checks the setting when the application starts, so a missing key stops the deployment rather than the first link. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        cipher();
    }

    /** The cipher under this key, made once. */
    public KeyMaterialCipher cipher() {
        KeyMaterialCipher made = cipher;
        if (made == null) {
            synchronized (this) {
                made = cipher;
                if (made == null) {
                    made = new KeyMaterialCipher(resolve(configuredKey.orElse(null), profile, LOG::warning));
                    cipher = made;
                }
            }
        }
        return made;
    }

    /**
     * The 32-byte key from the raw settings.
     *
     * @param rawKey  base64 of 32 bytes, or null/blank when not set
     * @param profile the inbox profile; null means production
     * @param warn    receives the one warning given when the public demo key is used
     * @throws IllegalStateException saying which setting is missing or wrong and how to make a key
     */
    static byte[] resolve(String rawKey, String profile, Consumer<String> warn) {
        if (rawKey == null || rawKey.isBlank()) {
            if (InboxProfile.isDemo(profile)) {
                warn.accept("No " + KEY_SETTING + " set: device keys are sealed with the PUBLIC demo key (profile "
                        + InboxProfile.DEMO + "). Anyone can derive it; never use this inbox with real customers."
                        + " Set " + KEY_ENV + " (make one with: openssl rand -base64 32).");
                return demoKey();
            }
            throw new IllegalStateException("Missing setting " + KEY_SETTING + " (environment variable " + KEY_ENV
                    + "): the inbox seals companion device keys with this master key and will not start without it."
                    + " Make one with `openssl rand -base64 32` and set " + KEY_ENV + " to the output; keep it"
                    + " safe, since device keys sealed under it cannot be read without it."
                    + " (For a demo only, " + InboxProfile.SETTING + "=" + InboxProfile.DEMO + " uses a public key.)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(rawKey.trim());
        } catch (IllegalArgumentException e) {
            // The decoder's message may quote the input: do not chain it.
            throw new IllegalStateException("Setting " + KEY_SETTING + " (environment variable " + KEY_ENV
                    + ") is not valid base64; it must be base64 of exactly " + KeyMaterialCipher.KEY_LENGTH
                    + " random bytes. Make one with `openssl rand -base64 32`.");
        }
        if (key.length != KeyMaterialCipher.KEY_LENGTH) {
            throw new IllegalStateException("Setting " + KEY_SETTING + " (environment variable " + KEY_ENV
                    + ") decodes to " + key.length + " bytes; it must be base64 of exactly " + KeyMaterialCipher.KEY_LENGTH
                    + " bytes (an AES-256 key). Make one with `openssl rand -base64 32`.");
        }
        return key;
    }

    static byte[] demoKey() {
        return Hkdf.derive(DEMO_SEED, null, KEY_SETTING.getBytes(StandardCharsets.UTF_8), KeyMaterialCipher.KEY_LENGTH);
    }

    @Override
    public String toString() {
        return "MasterKey[not shown]";
    }
}
