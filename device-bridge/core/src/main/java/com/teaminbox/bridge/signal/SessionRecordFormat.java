package com.teaminbox.bridge.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalInt;

/**
 * The one definition of the stored form of a {@link SessionRecord}. Big-endian, fixed-width,
 * every count bounded by {@link RatchetLimits}; unknown versions, out-of-range values and trailing
 * bytes are rejected rather than guessed at.
 *
 * <pre>
 * record   := formatVersion(1)=1 hasCurrent(1) [state] archivedCount(1) state*
 * state    := sessionVersion(1)=3 localIdentity(32) remoteIdentity(32)
 *             localRegistrationId(4) remoteRegistrationId(4) aliceBaseKey(32) rootKey(32)
 *             senderRatchetPublic(32) senderRatchetPrivate(32) senderChainKey(32) senderChainIndex(4)
 *             previousCounter(4) hasPending(1) [pending] chainCount(1) chain*
 * pending  := hasPreKeyId(1) [preKeyId(4)] signedPreKeyId(4) baseKey(32)
 * chain    := senderRatchetKey(32) chainKey(32) chainIndex(4) expiredThrough(4, 0xFFFFFFFF = none)
 *             skippedCount(2) (counter(4) cipherKey(32) macKey(32) iv(16))*
 * </pre>
 */
final class SessionRecordFormat {
    static final int FORMAT_VERSION = 1;
    private static final int KEY = 32;
    private static final long NONE = 0xFFFFFFFFL;

    private SessionRecordFormat() {
    }

    static byte[] encode(SessionRecord record) {
        WireWriter out = new WireWriter().u8(FORMAT_VERSION);
        out.u8(record.currentState().isPresent() ? 1 : 0);
        record.currentState().ifPresent(state -> encodeState(out, state));
        List<SessionState> archived = record.archivedStates();
        out.u8(archived.size());
        archived.forEach(state -> encodeState(out, state));
        return out.toByteArray();
    }

    static SessionRecord decode(byte[] serialized) throws InvalidEncodingException {
        WireReader in = new WireReader(serialized);
        int version = in.u8();
        if (version != FORMAT_VERSION) {
            throw new InvalidEncodingException("unknown session record format " + version);
        }
        SessionState current = in.flag() ? decodeState(in) : null;
        int archivedCount = in.u8();
        if (archivedCount > RatchetLimits.MAX_ARCHIVED_STATES) {
            throw new InvalidEncodingException("too many archived states: " + archivedCount);
        }
        List<SessionState> archived = new ArrayList<>(archivedCount);
        for (int i = 0; i < archivedCount; i++) {
            archived.add(decodeState(in));
        }
        in.expectEnd();
        return new SessionRecord(current, archived);
    }

    private static void encodeState(WireWriter out, SessionState state) {
        out.u8(state.version())
                .bytes(state.localIdentity().publicKey())
                .bytes(state.remoteIdentity().publicKey())
                .u32(state.localRegistrationId())
                .u32(state.remoteRegistrationId())
                .bytes(state.aliceBaseKey())
                .bytes(state.rootKey().key())
                .bytes(state.senderRatchetPublic())
                .bytes(state.senderRatchetPrivate())
                .bytes(state.senderChainKey().key())
                .u32(state.senderChainKey().index())
                .u32(state.previousCounter());
        out.u8(state.pendingPreKey().isPresent() ? 1 : 0);
        state.pendingPreKey().ifPresent(pending -> {
            out.u8(pending.preKeyId().isPresent() ? 1 : 0);
            pending.preKeyId().ifPresent(out::u32);
            out.u32(pending.signedPreKeyId()).bytes(pending.baseKey());
        });
        List<ReceiverChain> chains = state.receiverChains();
        out.u8(chains.size());
        for (ReceiverChain chain : chains) {
            out.bytes(chain.senderRatchetKey())
                    .bytes(chain.chainKey().key())
                    .u32(chain.chainKey().index())
                    .u32(chain.expiredThrough() < 0 ? NONE : chain.expiredThrough())
                    .u16(chain.skippedKeys().size());
            for (MessageKeys keys : chain.skippedKeys().values()) {
                out.u32(keys.counter()).bytes(keys.cipherKey()).bytes(keys.macKey()).bytes(keys.iv());
            }
        }
    }

    private static SessionState decodeState(WireReader in) throws InvalidEncodingException {
        int version = in.u8();
        if (version != SessionState.VERSION) {
            throw new InvalidEncodingException("unsupported session version " + version);
        }
        IdentityKey localIdentity = new IdentityKey(in.bytes(KEY));
        IdentityKey remoteIdentity = new IdentityKey(in.bytes(KEY));
        int localRegistrationId = in.u31();
        int remoteRegistrationId = in.u31();
        byte[] aliceBaseKey = in.bytes(KEY);
        RootKey rootKey = new RootKey(in.bytes(KEY));
        byte[] senderPublic = in.bytes(KEY);
        byte[] senderPrivate = in.bytes(KEY);
        ChainKey senderChainKey = new ChainKey(in.bytes(KEY), in.u31());
        int previousCounter = in.u31();
        PendingPreKey pending = in.flag() ? decodePending(in) : null;
        int chainCount = in.u8();
        if (chainCount > RatchetLimits.MAX_RECEIVER_CHAINS) {
            throw new InvalidEncodingException("too many receiver chains: " + chainCount);
        }
        List<ReceiverChain> chains = new ArrayList<>(chainCount);
        int skippedTotal = 0;
        for (int i = 0; i < chainCount; i++) {
            ReceiverChain chain = decodeChain(in);
            skippedTotal += chain.skippedKeys().size();
            chains.add(chain);
        }
        if (skippedTotal > RatchetLimits.MAX_STORED_SKIPPED_KEYS) {
            throw new InvalidEncodingException("too many skipped keys: " + skippedTotal);
        }
        return new SessionState(localIdentity, remoteIdentity, localRegistrationId, remoteRegistrationId,
                aliceBaseKey, rootKey, senderPublic, senderPrivate, senderChainKey, previousCounter, chains, pending);
    }

    private static PendingPreKey decodePending(WireReader in) throws InvalidEncodingException {
        OptionalInt preKeyId = in.flag() ? OptionalInt.of(in.u31()) : OptionalInt.empty();
        int signedPreKeyId = in.u31();
        return new PendingPreKey(preKeyId, signedPreKeyId, in.bytes(KEY));
    }

    private static ReceiverChain decodeChain(WireReader in) throws InvalidEncodingException {
        byte[] ratchetKey = in.bytes(KEY);
        ChainKey chainKey = new ChainKey(in.bytes(KEY), in.u31());
        long expired = in.u32();
        if (expired != NONE && expired > Integer.MAX_VALUE) {
            throw new InvalidEncodingException("expired counter out of range");
        }
        int skippedCount = in.u16();
        if (skippedCount > RatchetLimits.MAX_STORED_SKIPPED_KEYS) {
            throw new InvalidEncodingException("too many skipped keys: " + skippedCount);
        }
        LinkedHashMap<Integer, MessageKeys> skipped = new LinkedHashMap<>();
        for (int i = 0; i < skippedCount; i++) {
            int counter = in.u31();
            if (counter >= chainKey.index()) {
                throw new InvalidEncodingException("skipped key " + counter + " is not behind its chain");
            }
            MessageKeys keys = new MessageKeys(in.bytes(MessageKeys.CIPHER_KEY_LENGTH),
                    in.bytes(MessageKeys.MAC_KEY_LENGTH), in.bytes(MessageKeys.IV_LENGTH), counter);
            if (skipped.put(counter, keys) != null) {
                throw new InvalidEncodingException("skipped key " + counter + " stored twice");
            }
        }
        return new ReceiverChain(ratchetKey, chainKey, skipped, expired == NONE ? -1 : (int) expired);
    }
}
