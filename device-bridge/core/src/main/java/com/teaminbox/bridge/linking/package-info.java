/**
 * Linking a companion device to an account, both sides as pure state machines: the companion
 * ({@link com.teaminbox.bridge.linking.CompanionLinking}) and the primary phone
 * ({@link com.teaminbox.bridge.linking.PrimaryLinking}). No sockets, no threads, no clock:
 * inputs (server messages, the time) are passed in, outputs are returned.
 */
package com.teaminbox.bridge.linking;
