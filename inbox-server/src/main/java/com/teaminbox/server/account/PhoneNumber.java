package com.teaminbox.server.account;

import java.util.regex.Pattern;

/** A phone number in E.164 form (+ and up to 15 digits): business accounts and contacts alike. */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
