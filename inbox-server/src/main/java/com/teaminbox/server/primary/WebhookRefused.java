package com.teaminbox.server.primary;

/**
 * The webhook in force may not be used: its URL, its destination or its secret breaks a rule.
 * The sentence says which and how to put it right; it never contains the secret.
 */
public class WebhookRefused extends Exception {

    public WebhookRefused(String sentence) {
        super(sentence);
    }
}
