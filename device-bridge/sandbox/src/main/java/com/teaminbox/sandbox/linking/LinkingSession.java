package com.teaminbox.sandbox.linking;

import com.teaminbox.bridge.linking.LinkApproval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One companion's link attempt as the network sees it: the connection, the keys it brought, and
 * either its QR refs or its pairing-code exchange. After the phone approved, it holds the
 * approval until the companion sends its device signature back.
 */
public final class LinkingSession {

    static final Duration FIRST_REF_LIFETIME = Duration.ofSeconds(60);
    static final Duration LATER_REF_LIFETIME = Duration.ofSeconds(20);

    private final CompanionLine line;
    private final LinkRequest request;
    private final Instant startedAt;
    private final List<String> refs;
    // pairing code
    private String codeRef;
    private String codeAccount;
    private byte[] wrappedKey;
    private int wrongCodes;
    private CompletableFuture<byte[]> keyBundle = new CompletableFuture<>();
    // after approval
    private String account;
    private LinkApproval approval;

    LinkingSession(CompanionLine line, LinkRequest request, Instant startedAt, List<String> refs) {
        this.line = line;
        this.request = request;
        this.startedAt = startedAt;
        this.refs = List.copyOf(refs);
    }

    public CompanionLine line() {
        return line;
    }

    public LinkRequest request() {
        return request;
    }

    public Instant startedAt() {
        return startedAt;
    }

    List<String> refs() {
        return refs;
    }

    /** When the last ref stops being valid: 60 s for the first, 20 s for each next one. */
    Instant refsRunOutAt() {
        return startedAt.plus(FIRST_REF_LIFETIME).plus(LATER_REF_LIFETIME.multipliedBy(refs.size() - 1L));
    }

    boolean isPairingCode() {
        return codeRef != null;
    }

    void pairingCodeRequested(String ref, String accountNumber, byte[] wrapped) {
        codeRef = ref;
        codeAccount = accountNumber;
        wrappedKey = wrapped.clone();
    }

    public String codeRef() {
        return codeRef;
    }

    public String codeAccount() {
        return codeAccount;
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /** A fresh exchange for the next code the owner types. */
    public synchronized CompletableFuture<byte[]> awaitKeyBundle() {
        keyBundle = new CompletableFuture<>();
        return keyBundle;
    }

    synchronized void keyBundleArrived(byte[] bundle) {
        keyBundle.complete(bundle.clone());
    }

    int codeFailed() {
        return ++wrongCodes;
    }

    public void approved(String accountNumber, LinkApproval linkApproval) {
        this.account = accountNumber;
        this.approval = linkApproval;
    }

    public String account() {
        return account;
    }

    public LinkApproval approval() {
        return approval;
    }
}
