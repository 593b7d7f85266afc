package com.teaminbox.bridge.fanout;

import com.teaminbox.bridge.signal.CiphertextMessage;
import com.teaminbox.bridge.signal.DuplicateMessageException;
import com.teaminbox.bridge.signal.InvalidKeyException;
import com.teaminbox.bridge.signal.InvalidMessageException;
import com.teaminbox.bridge.signal.NoSessionException;
import com.teaminbox.bridge.signal.SessionCipher;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.SignalProtocolStore;
import com.teaminbox.bridge.signal.UntrustedIdentityException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The receiving side of fan-out: decrypts a per-device ciphertext and says what it is. A
 * {@link SentByMe} copy is accepted only from a device of the own account, so another user cannot
 * make a message appear as sent by us.
 */
public final class FanoutDecryptor {
    private final SignalProtocolStore store;
    private final SignalAddress ownDevice;
    private final SecureRandom random;

    public FanoutDecryptor(SignalProtocolStore store, SignalAddress ownDevice, SecureRandom random) {
        this.store = Objects.requireNonNull(store);
        this.ownDevice = Objects.requireNonNull(ownDevice);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * @throws InvalidMessageException    malformed, forged or undecryptable (ask the sender to retry)
     * @throws InvalidKeyException        a prekey message names a prekey this device no longer has
     * @throws NoSessionException         a normal message from a device we have no session with
     * @throws UntrustedIdentityException the sender's identity changed
     */
    public Delivery decrypt(SignalAddress sender, CiphertextMessage message) throws InvalidMessageException,
            InvalidKeyException, NoSessionException, UntrustedIdentityException {
        byte[] plaintext;
        try {
            plaintext = new SessionCipher(store, sender, random).decrypt(message);
        } catch (DuplicateMessageException e) {
            return new Delivery.Duplicate(sender);
        }
        FanoutPayload payload = ContentFormat.decode(plaintext);
        boolean fromOwnAccount = sender.user().equals(ownDevice.user());
        if (payload instanceof SentByMe sentByMe) {
            if (!fromOwnAccount) {
                throw new InvalidMessageException(sender + " sent a copy claiming to come from our own account");
            }
            return new Delivery.SentByMyAccount(sender.deviceId(), sentByMe.destinationUser(), sentByMe.content());
        }
        if (payload instanceof HistoryChunk history) {
            if (!fromOwnAccount || sender.deviceId() != SignalAddress.PRIMARY_DEVICE_ID) {
                throw new InvalidMessageException(sender + " sent history, which only the own primary may");
            }
            return new Delivery.History(history);
        }
        return new Delivery.FromContact(sender, (MessageContent) payload);
    }
}
