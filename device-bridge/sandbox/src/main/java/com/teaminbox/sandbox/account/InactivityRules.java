package com.teaminbox.sandbox.account;

import java.time.Duration;

/**
 * The network's lifecycle: when the primary phone has not been used for 14 days every companion
 * of the account is removed; a companion not seen for 30 days is removed on its own.
 */
public record InactivityRules(Duration primaryIdleLimit, Duration companionIdleLimit) {

    public static InactivityRules standard() {
        return new InactivityRules(Duration.ofDays(14), Duration.ofDays(30));
    }

    public boolean primaryExpired(Account account, long nowMillis) {
        return nowMillis - account.primaryActiveMillis() >= primaryIdleLimit.toMillis();
    }

    public boolean companionExpired(RegisteredDevice companion, long nowMillis) {
        return nowMillis - companion.lastSeenMillis() >= companionIdleLimit.toMillis();
    }
}
