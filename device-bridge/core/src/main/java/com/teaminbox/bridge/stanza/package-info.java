/**
 * The wire format between a device and the network server: one strict, versioned,
 * canonical tag-length-value encoding ({@link com.teaminbox.bridge.stanza.StanzaCodec}).
 * Anything a server (or an attacker in front of it) sends is decoded here first, so the
 * decoder either yields a well-formed {@link com.teaminbox.bridge.stanza.Stanza} or throws
 * {@link com.teaminbox.bridge.stanza.StanzaFormatException}.
 */
package com.teaminbox.bridge.stanza;
