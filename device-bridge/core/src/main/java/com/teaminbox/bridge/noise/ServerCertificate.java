package com.teaminbox.bridge.noise;

import com.teaminbox.bridge.crypto.XEdDSA;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * One certificate of the server's chain: the encoded {@link CertificateDetails} and the issuer's
 * XEdDSA signature over exactly those bytes. Keeping the signed bytes (rather than re-encoding)
 * means the signature is always checked over what was received.
 *
 * <p>Encoding: details length (2) ‖ details ‖ signature length (1) = 64 ‖ signature.
 */
public final class ServerCertificate {

    private final byte[] detailsBytes;
    private final CertificateDetails details;
    private final byte[] signature;

    private ServerCertificate(byte[] detailsBytes, CertificateDetails details, byte[] signature) {
        this.detailsBytes = detailsBytes;
        this.details = details;
        this.signature = signature;
    }

    /** Signs {@code details} with the issuer's X25519 private key (the sandbox's root or intermediate). */
    public static ServerCertificate issue(CertificateDetails details, byte[] issuerPrivateKey, SecureRandom random) {
        byte[] encoded = details.encode();
        return new ServerCertificate(encoded, details, XEdDSA.sign(issuerPrivateKey, encoded, random));
    }

    public CertificateDetails details() {
        return details;
    }

    boolean isSignedBy(byte[] issuerPublicKey) {
        return XEdDSA.verify(issuerPublicKey, detailsBytes, signature);
    }

    void writeTo(ByteBuffer out) {
        out.putShort((short) detailsBytes.length);
        out.put(detailsBytes);
        out.put((byte) signature.length);
        out.put(signature);
    }

    int encodedLength() {
        return 2 + detailsBytes.length + 1 + signature.length;
    }

    static ServerCertificate readFrom(ByteBuffer in) throws ServerCertificateException {
        if (in.remaining() < 2) {
            throw CertificateDetails.malformed("certificate truncated");
        }
        int detailsLength = Short.toUnsignedInt(in.getShort());
        if (detailsLength != CertificateDetails.ENCODED_LENGTH || in.remaining() < detailsLength + 1) {
            throw CertificateDetails.malformed("certificate details length invalid or truncated");
        }
        byte[] detailsBytes = new byte[detailsLength];
        in.get(detailsBytes);
        int signatureLength = Byte.toUnsignedInt(in.get());
        if (signatureLength != XEdDSA.SIGNATURE_LENGTH || in.remaining() < signatureLength) {
            throw CertificateDetails.malformed("certificate signature length invalid or truncated");
        }
        byte[] signature = new byte[signatureLength];
        in.get(signature);
        return new ServerCertificate(detailsBytes, CertificateDetails.decode(detailsBytes), signature);
    }

    /** A copy with one signature byte changed; lets tests forge without reaching into fields. */
    ServerCertificate withSignatureByteFlipped(int index) {
        byte[] forged = signature.clone();
        forged[index] ^= 1;
        return new ServerCertificate(detailsBytes, details, forged);
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + details + "]";
    }
}
