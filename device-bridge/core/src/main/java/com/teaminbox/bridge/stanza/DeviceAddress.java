package com.teaminbox.bridge.stanza;

/**
 * One device of one account: the account's phone number (digits only, no '+') and the
 * device id (0 is the primary phone, companions are 1, 2, 3...).
 */
public record DeviceAddress(String account, int device) {

    static final int MAX_ACCOUNT_LENGTH = 20;
    static final int MAX_DEVICE = 0xFFFF;

    public DeviceAddress {
        if (!isValidAccount(account)) {
            throw new IllegalArgumentException("account must be 1.." + MAX_ACCOUNT_LENGTH + " digits");
        }
        if (device < 0 || device > MAX_DEVICE) {
            throw new IllegalArgumentException("device id out of range: " + device);
        }
    }

    static boolean isValidAccount(String account) {
        if (account == null || account.isEmpty() || account.length() > MAX_ACCOUNT_LENGTH) {
            return false;
        }
        for (int i = 0; i < account.length(); i++) {
            char c = account.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public boolean isPrimary() {
        return device == 0;
    }

    @Override
    public String toString() {
        return account + ":" + device;
    }
}
