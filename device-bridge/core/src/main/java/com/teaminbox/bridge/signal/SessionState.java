package com.teaminbox.bridge.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Double Ratchet state of one session with one device. Decryption works on a {@link #copy()}
 * and the copy replaces the original only when the message authenticated, so a forged or broken
 * message never moves the ratchet.
 */
final class SessionState {
    static final int VERSION = 3;

    private final IdentityKey localIdentity;
    private final IdentityKey remoteIdentity;
    private final int localRegistrationId;
    private final int remoteRegistrationId;
    private final byte[] aliceBaseKey;
    private RootKey rootKey;
    private byte[] senderRatchetPublic;
    private byte[] senderRatchetPrivate;
    private ChainKey senderChainKey;
    private int previousCounter;
    private final List<ReceiverChain> receiverChains;
    private PendingPreKey pendingPreKey;

    SessionState(IdentityKey localIdentity, IdentityKey remoteIdentity, int localRegistrationId,
                 int remoteRegistrationId, byte[] aliceBaseKey, RootKey rootKey, byte[] senderRatchetPublic,
                 byte[] senderRatchetPrivate, ChainKey senderChainKey, int previousCounter,
                 List<ReceiverChain> receiverChains, PendingPreKey pendingPreKey) {
        DjbPublicKey.requireKeyLength(aliceBaseKey);
        this.localIdentity = localIdentity;
        this.remoteIdentity = remoteIdentity;
        this.localRegistrationId = localRegistrationId;
        this.remoteRegistrationId = remoteRegistrationId;
        this.aliceBaseKey = aliceBaseKey.clone();
        this.rootKey = rootKey;
        setSenderChain(senderRatchetPublic, senderRatchetPrivate, senderChainKey);
        this.previousCounter = previousCounter;
        this.receiverChains = new ArrayList<>(receiverChains);
        this.pendingPreKey = pendingPreKey;
    }

    SessionState copy() {
        List<ReceiverChain> chains = new ArrayList<>(receiverChains.size());
        receiverChains.forEach(chain -> chains.add(chain.copy()));
        return new SessionState(localIdentity, remoteIdentity, localRegistrationId, remoteRegistrationId,
                aliceBaseKey, rootKey, senderRatchetPublic, senderRatchetPrivate, senderChainKey, previousCounter,
                chains, pendingPreKey);
    }

    int version() {
        return VERSION;
    }

    IdentityKey localIdentity() {
        return localIdentity;
    }

    IdentityKey remoteIdentity() {
        return remoteIdentity;
    }

    int localRegistrationId() {
        return localRegistrationId;
    }

    int remoteRegistrationId() {
        return remoteRegistrationId;
    }

    /** The X3DH base key both sides remember, to recognise a repeated prekey message. */
    byte[] aliceBaseKey() {
        return aliceBaseKey.clone();
    }

    boolean hasAliceBaseKey(byte[] baseKey) {
        return Arrays.equals(aliceBaseKey, baseKey);
    }

    RootKey rootKey() {
        return rootKey;
    }

    void setRootKey(RootKey rootKey) {
        this.rootKey = rootKey;
    }

    byte[] senderRatchetPublic() {
        return senderRatchetPublic.clone();
    }

    byte[] senderRatchetPrivate() {
        return senderRatchetPrivate.clone();
    }

    ChainKey senderChainKey() {
        return senderChainKey;
    }

    void setSenderChain(byte[] ratchetPublic, byte[] ratchetPrivate, ChainKey chainKey) {
        DjbPublicKey.requireKeyLength(ratchetPublic);
        DjbPublicKey.requireKeyLength(ratchetPrivate);
        this.senderRatchetPublic = ratchetPublic.clone();
        this.senderRatchetPrivate = ratchetPrivate.clone();
        this.senderChainKey = chainKey;
    }

    void advanceSenderChain() {
        this.senderChainKey = senderChainKey.next();
    }

    int previousCounter() {
        return previousCounter;
    }

    void setPreviousCounter(int previousCounter) {
        this.previousCounter = previousCounter;
    }

    List<ReceiverChain> receiverChains() {
        return List.copyOf(receiverChains);
    }

    Optional<ReceiverChain> receiverChain(byte[] senderRatchetKey) {
        return receiverChains.stream().filter(chain -> chain.isFor(senderRatchetKey)).findFirst();
    }

    /** Adds the newest receiving chain; the oldest is dropped beyond the bound, with its skipped keys. */
    ReceiverChain addReceiverChain(byte[] senderRatchetKey, ChainKey chainKey) {
        ReceiverChain chain = new ReceiverChain(senderRatchetKey, chainKey);
        receiverChains.add(chain);
        while (receiverChains.size() > RatchetLimits.MAX_RECEIVER_CHAINS) {
            receiverChains.remove(0);
        }
        return chain;
    }

    /** Stores a skipped key and keeps the total within bounds by forgetting the oldest ones. */
    void storeSkipped(ReceiverChain chain, MessageKeys keys) {
        chain.storeSkipped(keys);
        int stored = receiverChains.stream().mapToInt(c -> c.skippedKeys().size()).sum();
        for (ReceiverChain oldest : receiverChains) {
            while (stored > RatchetLimits.MAX_STORED_SKIPPED_KEYS && oldest.forgetOldestSkipped()) {
                stored--;
            }
        }
    }

    Optional<PendingPreKey> pendingPreKey() {
        return Optional.ofNullable(pendingPreKey);
    }

    /** The peer answered, so it has the session: later messages need no X3DH data. */
    void clearPendingPreKey() {
        this.pendingPreKey = null;
    }
}
