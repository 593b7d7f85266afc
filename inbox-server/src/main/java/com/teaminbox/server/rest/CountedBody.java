package com.teaminbox.server.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that counts what is read from it and refuses the byte past its limit. A
 * chunked body has no Content-Length to check beforehand, so the count is the only bound on
 * what a reader (JSON-B, an upload) takes into memory.
 */
final class CountedBody extends FilterInputStream {

    private final long limit;
    private final String refusal;
    private long read;

    CountedBody(InputStream body, long limit, String refusal) {
        super(body);
        this.limit = limit;
        this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // never more than one byte past the limit per call: enough to notice, little to hold
        int n = super.read(buffer, offset, (int) Math.min(length, room()));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, room()));
        count(skipped);
        return skipped;
    }

    // mark/reset would make bytes count twice; the readers buffer by themselves when needed
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** What may still be read, plus the one byte that proves the body too large. */
    private long room() {
        if (read > limit) {
            throw new BodyTooLarge(refusal); // a reader that carries on after the refusal
        }
        return limit - read + 1;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new BodyTooLarge(refusal);
        }
    }
}
