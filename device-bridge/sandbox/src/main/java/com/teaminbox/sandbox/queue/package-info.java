/**
 * Per-device queues of stanzas waiting for an acknowledgement, each an fsync'd append-only log.
 */
package com.teaminbox.sandbox.queue;
