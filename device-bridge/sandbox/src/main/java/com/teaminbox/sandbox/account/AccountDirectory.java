package com.teaminbox.sandbox.account;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.bridge.stanza.OneTimePreKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every account and device of the network, kept in {@code dataDir/accounts.json}. Each change
 * rewrites the file through a temporary file and an atomic rename, so a crash leaves either the
 * old or the new directory, never half of one. Every method is synchronized: the switchboard is
 * the main user, but the phone and the admin API read it too.
 */
public final class AccountDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seen-times are written at most this often: the 30-day rule needs no finer grain. */
    private static final long SEEN_GRANULARITY_MILLIS = 60_000;

    private final Path file;
    private final TreeMap<String, Account> accounts;

    private AccountDirectory(Path file, TreeMap<String, Account> accounts) {
        this.file = file;
        this.accounts = accounts;
    }

    public static AccountDirectory open(Path dataDir) {
        Path file = dataDir.resolve("accounts.json");
        try {
            if (Files.exists(file)) {
                TreeMap<String, Account> loaded = JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Account>>() { });
                return new AccountDirectory(file, loaded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable account directory " + file, e);
        }
        return new AccountDirectory(file, new TreeMap<>());
    }

    public synchronized Optional<Account> find(String phoneNumber) {
        return Optional.ofNullable(accounts.get(phoneNumber));
    }

    public synchronized List<Account> all() {
        return List.copyOf(accounts.values());
    }

    public synchronized Optional<RegisteredDevice> device(DeviceAddress address) {
        return find(address.account()).flatMap(a -> a.device(address.device()));
    }

    public synchronized Account create(String phoneNumber, String displayName, boolean business, RegisteredDevice primary,
                          long nowMillis) {
        if (accounts.containsKey(phoneNumber)) {
            throw new IllegalArgumentException("account " + phoneNumber + " exists already");
        }
        Account account = new Account(phoneNumber, displayName, business, primary, nowMillis);
        accounts.put(phoneNumber, account);
        save();
        return account;
    }

    public synchronized int reserveDeviceId(String phoneNumber) {
        int id = require(phoneNumber).reserveDeviceId();
        save();
        return id;
    }

    public synchronized void addDevice(String phoneNumber, RegisteredDevice device) {
        require(phoneNumber).add(device);
        save();
    }

    /** @return true if the device existed; a removed companion's next login fails with 401 */
    public synchronized boolean remove(DeviceAddress address) {
        boolean removed = find(address.account()).map(a -> a.remove(address.device())).orElse(false);
        if (removed) {
            save();
        }
        return removed;
    }

    public synchronized void seen(DeviceAddress address, long nowMillis) {
        device(address).ifPresent(device -> {
            boolean worthWriting = nowMillis - device.lastSeenMillis() >= SEEN_GRANULARITY_MILLIS;
            device.seenAt(nowMillis);
            if (worthWriting) {
                save();
            }
        });
    }

    public synchronized void primaryActive(String phoneNumber, long nowMillis) {
        find(phoneNumber).ifPresent(account -> {
            account.primaryActiveAt(nowMillis);
            save();
        });
    }

    public synchronized void keyIndexListSigned(String phoneNumber, byte[] encoded) {
        require(phoneNumber).keyIndexListSigned(encoded);
        save();
    }

    public synchronized void publishPreKeys(DeviceAddress address, int registrationId, int signedPreKeyId, byte[] signedPreKey,
                               byte[] signature, List<OneTimePreKey> oneTime) {
        device(address).ifPresent(d -> d.publish(registrationId, signedPreKeyId, signedPreKey, signature, oneTime));
        save();
    }

    public synchronized Optional<OneTimePreKey> takePreKey(DeviceAddress address) {
        Optional<OneTimePreKey> taken = device(address).flatMap(RegisteredDevice::takePreKey);
        taken.ifPresent(ignored -> save());
        return taken;
    }

    private Account require(String phoneNumber) {
        return find(phoneNumber).orElseThrow(() -> new IllegalArgumentException("no account " + phoneNumber));
    }

    private synchronized void save() {
        try {
            // A temporary file of its own, so that a second writer (a sandbox still shutting down
            // while the next one starts on the same folder) cannot pull it away mid-rename.
            Path temporary = Files.createTempFile(file.getParent(), "accounts", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), accounts);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the account directory " + file, e);
        }
    }
}
