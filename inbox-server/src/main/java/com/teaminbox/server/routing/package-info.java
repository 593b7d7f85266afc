/** Who gets a conversation: round robin, least busy, stickiness, business hours, backlog drain, SLA reassignment. */
package com.teaminbox.server.routing;
