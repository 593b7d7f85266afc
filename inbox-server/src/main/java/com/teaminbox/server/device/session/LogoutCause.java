package com.teaminbox.server.device.session;

import com.teaminbox.bridge.client.LogoutReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Why the network logged one of the inbox's devices out, in the words an admin reads on the
 * Devices screen, in the audit, the incident e-mail and the webhook. The network says
 * "device_removed" both for its 14-day rule (the business phone unused) and for a companion
 * unused for 30 days; the inbox watches the phone and its own devices, so it tells which struck
 * first. All times are the network's.
 */
record LogoutCause(Kind kind, String sentence) {

    enum Kind { FOURTEEN_DAY_RULE, UNUSED_30_DAYS, UNLINKED_ON_PHONE, REPLACED, LOGIN_REFUSED }

    /** The network's lifecycle rules (docs/protocol: "Lifecycle"). */
    static final Duration PHONE_IDLE_LIMIT = Duration.ofDays(14);
    static final Duration DEVICE_IDLE_LIMIT = Duration.ofDays(30);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /**
     * @param phoneLastUsed  the business phone's last activity the inbox saw, or null if it never saw any
     * @param deviceLastSeen when the device was last connected, or null if it never was
     */
    static LogoutCause of(LogoutReason wire, Instant phoneLastUsed, Instant deviceLastSeen, Instant networkNow) {
        return switch (wire) {
            case UNLINKED -> new LogoutCause(Kind.UNLINKED_ON_PHONE, "unlinked on the business phone");
            case REPLACED -> new LogoutCause(Kind.REPLACED, "replaced by the same device connecting elsewhere");
            case UNAUTHORIZED -> new LogoutCause(Kind.LOGIN_REFUSED, "the network no longer accepts this device's login");
            case DEVICE_REMOVED -> removed(phoneLastUsed, deviceLastSeen, networkNow);
        };
    }

    /**
     * The 30-day rule only when the device itself was unused that long and struck before the
     * phone's 14 days ran out. Otherwise the 14-day rule: what the inbox saw of the phone is a
     * lower bound (the network may not count everything the inbox does), while a device the
     * inbox kept connected was certainly in use.
     */
    private static LogoutCause removed(Instant phoneLastUsed, Instant deviceLastSeen, Instant networkNow) {
        Instant phoneRuleAt = phoneLastUsed == null ? null : phoneLastUsed.plus(PHONE_IDLE_LIMIT);
        Instant deviceRuleAt = deviceLastSeen == null ? null : deviceLastSeen.plus(DEVICE_IDLE_LIMIT);
        boolean deviceIdle = deviceRuleAt != null && !deviceRuleAt.isAfter(networkNow);
        boolean phoneIdleFirst = phoneRuleAt != null && !phoneRuleAt.isAfter(networkNow)
                && (deviceRuleAt == null || !phoneRuleAt.isAfter(deviceRuleAt));
        if (deviceIdle && !phoneIdleFirst) {
            return new LogoutCause(Kind.UNUSED_30_DAYS, "removed after 30 days without use");
        }
        return new LogoutCause(Kind.FOURTEEN_DAY_RULE, "logged out by the network's 14-day rule: "
                + (phoneLastUsed == null ? "the inbox never saw the business phone in use"
                : "the business phone was last used on " + DAY.format(phoneLastUsed)));
    }

    /** Only the 14-day rule takes every device of the account: that is the primary-phone incident. */
    boolean fourteenDayRule() {
        return kind == Kind.FOURTEEN_DAY_RULE;
    }
}
