/**
 * Signal protocol v3 sessions between devices: X3DH ({@link com.teaminbox.bridge.signal.SessionBuilder}),
 * the Double Ratchet ({@link com.teaminbox.bridge.signal.SessionCipher}), their wire and storage
 * formats, and the store interfaces through which the caller keeps keys and sessions.
 */
package com.teaminbox.bridge.signal;
