package com.teaminbox.bridge.noise;

import java.nio.ByteBuffer;

/**
 * The chain the server sends in its handshake payload: an intermediate certificate issued by the
 * root, and a leaf issued by the intermediate that certifies the server's Noise static key.
 *
 * <p>Encoding: version (1) = 1 ‖ intermediate ‖ leaf, each as in {@link ServerCertificate}, with
 * no trailing bytes.
 */
public final class ServerCertificateChain {

    private static final byte VERSION = 1;

    private final ServerCertificate intermediate;
    private final ServerCertificate leaf;

    public ServerCertificateChain(ServerCertificate intermediate, ServerCertificate leaf) {
        if (intermediate == null || leaf == null) {
            throw new IllegalArgumentException("a chain needs an intermediate and a leaf");
        }
        this.intermediate = intermediate;
        this.leaf = leaf;
    }

    public ServerCertificate intermediate() {
        return intermediate;
    }

    public ServerCertificate leaf() {
        return leaf;
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(1 + intermediate.encodedLength() + leaf.encodedLength());
        out.put(VERSION);
        intermediate.writeTo(out);
        leaf.writeTo(out);
        return out.array();
    }

    public static ServerCertificateChain decode(byte[] encoded) throws ServerCertificateException {
        if (encoded == null || encoded.length == 0) {
            throw CertificateDetails.malformed("empty certificate chain");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        if (in.get() != VERSION) {
            throw CertificateDetails.malformed("unknown certificate chain version");
        }
        ServerCertificate intermediate = ServerCertificate.readFrom(in);
        ServerCertificate leaf = ServerCertificate.readFrom(in);
        if (in.hasRemaining()) {
            throw CertificateDetails.malformed("trailing bytes after certificate chain");
        }
        return new ServerCertificateChain(intermediate, leaf);
    }

    @Override
    public String toString() {
        return "ServerCertificateChain[intermediate=" + intermediate + ", leaf=" + leaf + "]";
    }
}
