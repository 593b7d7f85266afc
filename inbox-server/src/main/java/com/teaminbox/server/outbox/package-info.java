/** Replies: stored with an outbox row in one transaction, then sent from the replying agent's own device. */
package com.teaminbox.server.outbox;
