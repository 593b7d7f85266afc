package com.teaminbox.bridge.fanout;

/** What one device receives inside its ciphertext: the message itself, a copy sent by its own account, or history. */
public sealed interface FanoutPayload permits MessageContent, SentByMe, HistoryChunk {
}
