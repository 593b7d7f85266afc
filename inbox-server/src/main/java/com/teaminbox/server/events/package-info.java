/**
 * The live event stream: database change notifications (LISTEN/NOTIFY) fanned out over
 * server-sent events to each subscriber that may see the changed conversation.
 */
package com.teaminbox.server.events;
