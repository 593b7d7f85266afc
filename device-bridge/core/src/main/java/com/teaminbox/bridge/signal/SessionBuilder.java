package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.crypto.XEdDSA;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalInt;

/**
 * Builds sessions with X3DH: as initiator from a {@link PreKeyBundle}, and as responder from an
 * incoming {@link PreKeySignalMessage} (called by {@link SessionCipher}, which consumes the
 * one-time prekey only once the message decrypted).
 */
public final class SessionBuilder {
    private final SessionStore sessionStore;
    private final PreKeyStore preKeyStore;
    private final SignedPreKeyStore signedPreKeyStore;
    private final IdentityKeyStore identityKeyStore;
    private final SignalAddress remoteAddress;
    private final SecureRandom random;

    public SessionBuilder(SessionStore sessionStore, PreKeyStore preKeyStore, SignedPreKeyStore signedPreKeyStore,
                          IdentityKeyStore identityKeyStore, SignalAddress remoteAddress, SecureRandom random) {
        this.sessionStore = sessionStore;
        this.preKeyStore = preKeyStore;
        this.signedPreKeyStore = signedPreKeyStore;
        this.identityKeyStore = identityKeyStore;
        this.remoteAddress = remoteAddress;
        this.random = random;
    }

    public SessionBuilder(SignalProtocolStore store, SignalAddress remoteAddress, SecureRandom random) {
        this(store, store, store, store, remoteAddress, random);
    }

    /**
     * Starts a session with the bundle's device. Until the device answers, every message carries
     * the X3DH data (it is a prekey message).
     *
     * @throws InvalidKeyException        the signed prekey's signature does not verify under the identity key
     * @throws UntrustedIdentityException the device's identity differs from the one trusted before
     */
    public void process(PreKeyBundle bundle) throws InvalidKeyException, UntrustedIdentityException {
        IdentityKey theirIdentity = bundle.identityKey();
        byte[] theirSignedPreKey = bundle.signedPreKeyPublic();
        if (!XEdDSA.verify(theirIdentity.publicKey(), DjbPublicKey.serialize(theirSignedPreKey),
                bundle.signedPreKeySignature())) {
            throw new InvalidKeyException("signed prekey of " + remoteAddress + " has an invalid signature");
        }
        if (!identityKeyStore.isTrustedIdentity(remoteAddress, theirIdentity)) {
            throw new UntrustedIdentityException(remoteAddress, theirIdentity);
        }

        IdentityKeyPair ourIdentity = identityKeyStore.identityKeyPair();
        X25519KeyPair baseKey = X25519.generateKeyPair(random);
        DerivedKeys x3dh = X3dhAgreement.asInitiator(ourIdentity.privateKey(), baseKey.privateKey(), theirIdentity,
                theirSignedPreKey, bundle.preKeyPublic());

        // Like Signal, the initiator ratchets at once: its first sending chain already mixes in a
        // fresh key pair, and the X3DH chain becomes the (unused) receiving chain on the signed prekey.
        X25519KeyPair sendingRatchet = X25519.generateKeyPair(random);
        DerivedKeys sending = x3dh.rootKey().createChain(theirSignedPreKey, sendingRatchet.privateKey());
        ReceiverChain initialReceiving = new ReceiverChain(theirSignedPreKey, x3dh.chainKey());

        SessionState state = new SessionState(ourIdentity.publicKey(), theirIdentity,
                identityKeyStore.localRegistrationId(), bundle.registrationId(), baseKey.publicKey(),
                sending.rootKey(), sendingRatchet.publicKey(), sendingRatchet.privateKey(), sending.chainKey(), 0,
                List.of(initialReceiving),
                new PendingPreKey(bundle.preKeyId(), bundle.signedPreKeyId(), baseKey.publicKey()));

        SessionRecord record = sessionStore.loadSession(remoteAddress).orElseGet(SessionRecord::new);
        record.promoteState(state);
        identityKeyStore.saveIdentity(remoteAddress, theirIdentity);
        sessionStore.storeSession(remoteAddress, record);
    }

    /**
     * Adds the responder's session for a prekey message to the record (not yet stored). Returns
     * the one-time prekey to delete once the message decrypted, or empty when there is none, or
     * when this prekey message was already processed (the record has its base key).
     */
    OptionalInt process(SessionRecord record, PreKeySignalMessage message)
            throws InvalidKeyException, UntrustedIdentityException {
        IdentityKey theirIdentity = message.identityKey();
        if (!identityKeyStore.isTrustedIdentity(remoteAddress, theirIdentity)) {
            throw new UntrustedIdentityException(remoteAddress, theirIdentity);
        }
        if (record.hasState(message.baseKey())) {
            return OptionalInt.empty();
        }
        SignedPreKeyRecord signedPreKey = signedPreKeyStore.loadSignedPreKey(message.signedPreKeyId())
                .orElseThrow(() -> new InvalidKeyIdException("no signed prekey " + message.signedPreKeyId()));
        byte[] oneTimePrivate = null;
        if (message.preKeyId().isPresent()) {
            int preKeyId = message.preKeyId().getAsInt();
            oneTimePrivate = preKeyStore.loadPreKey(preKeyId)
                    .orElseThrow(() -> new InvalidKeyIdException("no one-time prekey " + preKeyId
                            + " (already used or never issued)"))
                    .privateKey();
        }

        IdentityKeyPair ourIdentity = identityKeyStore.identityKeyPair();
        DerivedKeys x3dh = X3dhAgreement.asResponder(ourIdentity.privateKey(), signedPreKey.privateKey(),
                oneTimePrivate, theirIdentity, message.baseKey());

        // The responder's first sending ratchet key is its signed prekey; it ratchets to a fresh
        // key as soon as it decrypts the initiator's message.
        SessionState state = new SessionState(ourIdentity.publicKey(), theirIdentity,
                identityKeyStore.localRegistrationId(), message.registrationId(), message.baseKey(),
                x3dh.rootKey(), signedPreKey.publicKey(), signedPreKey.privateKey(), x3dh.chainKey(), 0,
                List.of(), null);
        record.promoteState(state);
        return message.preKeyId();
    }
}
