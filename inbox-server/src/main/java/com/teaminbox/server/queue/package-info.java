/** Queues of an account, with routing policy, SLA and business hours. */
package com.teaminbox.server.queue;
