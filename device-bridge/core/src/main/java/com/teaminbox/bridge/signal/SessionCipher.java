package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.crypto.AesCbc;
import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Encrypts and decrypts messages of one session (one remote device) with the Double Ratchet.
 * Plaintexts are padded ({@link MessagePadding}) and encrypted with AES-256-CBC; the session is
 * stored after every successful operation and left untouched after a failed one.
 */
public final class SessionCipher {
    private final SessionStore sessionStore;
    private final PreKeyStore preKeyStore;
    private final IdentityKeyStore identityKeyStore;
    private final SessionBuilder sessionBuilder;
    private final SignalAddress remoteAddress;
    private final SecureRandom random;

    public SessionCipher(SessionStore sessionStore, PreKeyStore preKeyStore, SignedPreKeyStore signedPreKeyStore,
                         IdentityKeyStore identityKeyStore, SignalAddress remoteAddress, SecureRandom random) {
        this.sessionStore = sessionStore;
        this.preKeyStore = preKeyStore;
        this.identityKeyStore = identityKeyStore;
        this.remoteAddress = remoteAddress;
        this.random = random;
        this.sessionBuilder = new SessionBuilder(sessionStore, preKeyStore, signedPreKeyStore, identityKeyStore,
                remoteAddress, random);
    }

    public SessionCipher(SignalProtocolStore store, SignalAddress remoteAddress, SecureRandom random) {
        this(store, store, store, store, remoteAddress, random);
    }

    public CiphertextMessage encrypt(byte[] plaintext) throws NoSessionException, UntrustedIdentityException {
        SessionRecord record = sessionStore.loadSession(remoteAddress)
                .orElseThrow(() -> new NoSessionException("no session with " + remoteAddress));
        SessionState state = record.currentState()
                .orElseThrow(() -> new NoSessionException("no current session with " + remoteAddress));
        if (!identityKeyStore.isTrustedIdentity(remoteAddress, state.remoteIdentity())) {
            throw new UntrustedIdentityException(remoteAddress, state.remoteIdentity());
        }

        ChainKey chainKey = state.senderChainKey();
        MessageKeys keys = chainKey.messageKeys();
        byte[] ciphertext = AesCbc.encrypt(keys.cipherKey(), keys.iv(), MessagePadding.pad(plaintext, random));
        SignalMessage message = SignalMessage.create(keys.macKey(), state.senderRatchetPublic(), chainKey.index(),
                state.previousCounter(), ciphertext, state.localIdentity(), state.remoteIdentity());
        state.advanceSenderChain();

        CiphertextMessage result = message;
        Optional<PendingPreKey> pending = state.pendingPreKey();
        if (pending.isPresent()) {
            result = PreKeySignalMessage.create(state.localRegistrationId(), pending.get().preKeyId(),
                    pending.get().signedPreKeyId(), pending.get().baseKey(), state.localIdentity(), message);
        }
        identityKeyStore.saveIdentity(remoteAddress, state.remoteIdentity());
        sessionStore.storeSession(remoteAddress, record);
        return result;
    }

    /** Decrypts either kind of message. */
    public byte[] decrypt(CiphertextMessage message) throws InvalidMessageException, DuplicateMessageException,
            InvalidKeyException, NoSessionException, UntrustedIdentityException {
        if (message instanceof PreKeySignalMessage preKeyMessage) {
            return decrypt(preKeyMessage);
        }
        return decrypt((SignalMessage) message);
    }

    /**
     * Builds the responder's session if this is a new one, decrypts, and only then stores the
     * session and deletes the one-time prekey: a forged prekey message consumes nothing.
     *
     * @throws InvalidKeyIdException      the prekey it names is gone (used before) or unknown
     * @throws DuplicateMessageException  this prekey message was already decrypted
     * @throws UntrustedIdentityException the sender's identity differs from the trusted one
     */
    public byte[] decrypt(PreKeySignalMessage message) throws InvalidMessageException, DuplicateMessageException,
            InvalidKeyException, UntrustedIdentityException {
        SessionRecord record = sessionStore.loadSession(remoteAddress).orElseGet(SessionRecord::new);
        OptionalInt consumedPreKey = sessionBuilder.process(record, message);
        byte[] plaintext;
        try {
            plaintext = decrypt(record, message.message());
        } catch (NoSessionException e) {
            throw new IllegalStateException("the prekey message's session was just built", e);
        }
        identityKeyStore.saveIdentity(remoteAddress, message.identityKey());
        sessionStore.storeSession(remoteAddress, record);
        consumedPreKey.ifPresent(preKeyStore::removePreKey);
        return plaintext;
    }

    public byte[] decrypt(SignalMessage message) throws InvalidMessageException, DuplicateMessageException,
            NoSessionException, UntrustedIdentityException {
        SessionRecord record = sessionStore.loadSession(remoteAddress)
                .orElseThrow(() -> new NoSessionException("no session with " + remoteAddress));
        byte[] plaintext = decrypt(record, message);
        IdentityKey remoteIdentity = record.remoteIdentity().orElseThrow();
        if (!identityKeyStore.isTrustedIdentity(remoteAddress, remoteIdentity)) {
            throw new UntrustedIdentityException(remoteAddress, remoteIdentity);
        }
        identityKeyStore.saveIdentity(remoteAddress, remoteIdentity);
        sessionStore.storeSession(remoteAddress, record);
        return plaintext;
    }

    /** Tries the current state, then the archived ones; the state that decrypts becomes current. */
    private byte[] decrypt(SessionRecord record, SignalMessage message)
            throws InvalidMessageException, DuplicateMessageException, NoSessionException {
        if (record.isEmpty()) {
            throw new NoSessionException("no session with " + remoteAddress);
        }
        InvalidMessageException firstFailure = null;
        Optional<SessionState> current = record.currentState();
        if (current.isPresent()) {
            SessionState attempt = current.get().copy();
            try {
                byte[] plaintext = decrypt(attempt, message);
                record.replaceCurrentState(attempt);
                return plaintext;
            } catch (InvalidMessageException e) {
                firstFailure = e;
            }
        }
        List<SessionState> archived = record.archivedStates();
        for (int i = 0; i < archived.size(); i++) {
            SessionState attempt = archived.get(i).copy();
            try {
                byte[] plaintext = decrypt(attempt, message);
                record.promoteArchivedState(i, attempt);
                return plaintext;
            } catch (InvalidMessageException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        throw firstFailure;
    }

    private byte[] decrypt(SessionState state, SignalMessage message)
            throws InvalidMessageException, DuplicateMessageException {
        byte[] theirRatchetKey = message.senderRatchetKey();
        ReceiverChain chain = state.receiverChain(theirRatchetKey).orElse(null);
        if (chain == null) {
            chain = ratchetStep(state, theirRatchetKey);
        }
        MessageKeys keys = messageKeys(state, chain, message.counter());
        if (!message.hasValidMac(state.remoteIdentity(), state.localIdentity(), keys.macKey())) {
            throw new InvalidMacException("bad MAC on message " + message.counter() + " from " + remoteAddress);
        }
        byte[] padded;
        try {
            padded = AesCbc.decrypt(keys.cipherKey(), keys.iv(), message.ciphertext());
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("message from " + remoteAddress + " does not decrypt", e);
        }
        byte[] plaintext = MessagePadding.strip(padded);
        state.clearPendingPreKey();
        return plaintext;
    }

    /** The peer turned the ratchet: derive its new receiving chain and our next sending chain. */
    private ReceiverChain ratchetStep(SessionState state, byte[] theirRatchetKey) throws InvalidMessageException {
        X25519KeyPair ourNewRatchet = X25519.generateKeyPair(random);
        DerivedKeys receiving;
        DerivedKeys sending;
        try {
            receiving = state.rootKey().createChain(theirRatchetKey, state.senderRatchetPrivate());
            sending = receiving.rootKey().createChain(theirRatchetKey, ourNewRatchet.privateKey());
        } catch (InvalidKeyException e) {
            throw new InvalidMessageException("message from " + remoteAddress + " carries an unusable ratchet key", e);
        }
        state.setRootKey(sending.rootKey());
        state.setPreviousCounter(Math.max(state.senderChainKey().index() - 1, 0));
        state.setSenderChain(ourNewRatchet.publicKey(), ourNewRatchet.privateKey(), sending.chainKey());
        return state.addReceiverChain(theirRatchetKey, receiving.chainKey());
    }

    private MessageKeys messageKeys(SessionState state, ReceiverChain chain, int counter)
            throws InvalidMessageException, DuplicateMessageException {
        ChainKey chainKey = chain.chainKey();
        if (counter < chainKey.index()) {
            MessageKeys skipped = chain.takeSkipped(counter);
            if (skipped != null) {
                return skipped;
            }
            if (counter <= chain.expiredThrough()) {
                throw new InvalidMessageException("message " + counter + " from " + remoteAddress
                        + " is too old: its key was no longer kept");
            }
            throw new DuplicateMessageException("message " + counter + " from " + remoteAddress
                    + " was already received");
        }
        if (counter - chainKey.index() > RatchetLimits.MAX_FORWARD_JUMP) {
            throw new SkippedMessageLimitException("message " + counter + " from " + remoteAddress + " is "
                    + (counter - chainKey.index()) + " ahead of its chain; at most "
                    + RatchetLimits.MAX_FORWARD_JUMP + " are kept");
        }
        while (chainKey.index() < counter) {
            state.storeSkipped(chain, chainKey.messageKeys());
            chainKey = chainKey.next();
        }
        chain.advanceTo(chainKey.next());
        return chainKey.messageKeys();
    }
}
