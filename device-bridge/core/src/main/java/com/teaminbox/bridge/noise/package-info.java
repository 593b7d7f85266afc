/**
 * The encrypted transport to the server: 3-byte length framing, the
 * {@code Noise_XX_25519_AESGCM_SHA256} handshake (Noise revision 34) and the transport
 * ciphers it yields, plus the server certificate chain that ties the server's Noise static key
 * to the root key the client pins.
 */
package com.teaminbox.bridge.noise;
