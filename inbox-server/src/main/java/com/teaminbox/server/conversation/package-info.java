/** Conversations and their messages: exactly-once ingest, what agents do to a conversation, and who sees what. */
package com.teaminbox.server.conversation;
