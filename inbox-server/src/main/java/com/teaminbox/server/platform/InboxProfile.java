package com.teaminbox.server.platform;

/**
 * The inbox profile ({@code inbox.profile}, environment variable {@code INBOX_PROFILE}): {@code demo}
 * on laptops and in the tests, where public demo keys and secrets are allowed; anything else, or
 * nothing, is production, where they are refused.
 */
public final class InboxProfile {

    public static final String SETTING = "inbox.profile";
    public static final String DEMO = "demo";
    /** What an inbox without the setting is: never the demo. */
    public static final String DEFAULT = "production";

    private InboxProfile() {
    }

    /** Whether the raw setting names the demo profile; null or blank is production. */
    public static boolean isDemo(String profile) {
        return profile != null && DEMO.equals(profile.strip());
    }
}
