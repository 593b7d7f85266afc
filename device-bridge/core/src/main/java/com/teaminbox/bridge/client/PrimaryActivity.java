package com.teaminbox.bridge.client;

import java.time.Instant;

/** The owner's phone was seen in use. */
public record PrimaryActivity(PrimaryActivitySource source, Instant at) {
}
