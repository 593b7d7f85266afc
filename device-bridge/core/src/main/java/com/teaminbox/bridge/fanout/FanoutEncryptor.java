package com.teaminbox.bridge.fanout;

import com.teaminbox.bridge.signal.CiphertextMessage;
import com.teaminbox.bridge.signal.InvalidKeyException;
import com.teaminbox.bridge.signal.NoSessionException;
import com.teaminbox.bridge.signal.PreKeyBundle;
import com.teaminbox.bridge.signal.SessionBuilder;
import com.teaminbox.bridge.signal.SessionCipher;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.SignalProtocolStore;
import com.teaminbox.bridge.signal.UntrustedIdentityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Encrypts one message for all devices that must see it: every device of the recipient, and
 * every device of the own account except the sending one, which get it as {@link SentByMe}.
 */
public final class FanoutEncryptor {
    private final SignalProtocolStore store;
    private final SignalAddress sendingDevice;
    private final PreKeyBundleProvider bundles;
    private final SecureRandom random;

    public FanoutEncryptor(SignalProtocolStore store, SignalAddress sendingDevice, PreKeyBundleProvider bundles,
                           SecureRandom random) {
        this.store = Objects.requireNonNull(store);
        this.sendingDevice = Objects.requireNonNull(sendingDevice);
        this.bundles = Objects.requireNonNull(bundles);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * @throws UntrustedIdentityException a target device's identity changed; nothing is sent to
     *                                     anyone, the caller decides whether to accept it
     * @throws InvalidKeyException         a fetched bundle failed its signature check
     */
    public FanoutMessage encrypt(MessageContent content, DeviceList recipient, DeviceList ownAccount)
            throws UntrustedIdentityException, InvalidKeyException {
        if (!ownAccount.user().equals(sendingDevice.user())) {
            throw new IllegalArgumentException("own device list belongs to " + ownAccount.user());
        }
        if (recipient.user().equals(sendingDevice.user())) {
            throw new IllegalArgumentException("a message to the own account is not a fan-out");
        }
        List<SignalAddress> recipientDevices = recipient.addresses();
        List<SignalAddress> ownDevices = ownAccount.addresses().stream()
                .filter(address -> !address.equals(sendingDevice)).toList();

        List<SignalAddress> targets = new ArrayList<>(recipientDevices);
        targets.addAll(ownDevices);
        List<SignalAddress> unreachable = new ArrayList<>();
        for (SignalAddress target : targets) {
            if (!ensureSession(target)) {
                unreachable.add(target);
            }
        }

        byte[] forRecipient = ContentFormat.encode(content);
        byte[] forOwnDevices = ContentFormat.encode(new SentByMe(recipient.user(), content));
        List<DeviceCiphertext> ciphertexts = new ArrayList<>(targets.size());
        for (SignalAddress target : targets) {
            if (unreachable.contains(target)) {
                continue;
            }
            byte[] payload = recipientDevices.contains(target) ? forRecipient : forOwnDevices;
            ciphertexts.add(new DeviceCiphertext(target, encryptFor(target, payload)));
        }
        return new FanoutMessage(ciphertexts, DeviceListHash.of(targets), unreachable);
    }

    /** Builds a session from a fresh bundle when there is none; false when no bundle is available. */
    private boolean ensureSession(SignalAddress target) throws UntrustedIdentityException, InvalidKeyException {
        if (store.containsSession(target)) {
            return true;
        }
        Optional<PreKeyBundle> bundle = bundles.bundleFor(target);
        if (bundle.isEmpty()) {
            return false;
        }
        new SessionBuilder(store, target, random).process(bundle.get());
        return true;
    }

    private CiphertextMessage encryptFor(SignalAddress target, byte[] payload)
            throws UntrustedIdentityException {
        try {
            return new SessionCipher(store, target, random).encrypt(payload);
        } catch (NoSessionException e) {
            throw new IllegalStateException("session with " + target + " was ensured just before", e);
        }
    }
}
