package com.teaminbox.sandbox.customer;

import com.teaminbox.bridge.client.ClientSettings;
import com.teaminbox.bridge.client.DeviceEvents;
import com.teaminbox.bridge.client.OutgoingMessage;
import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.client.Receipt;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.sandbox.clock.SandboxClock;
import com.teaminbox.sandbox.phone.SimulatedDevice;
import com.teaminbox.sandbox.phone.SimulatedDeviceRecord;
import com.teaminbox.sandbox.server.Switchboard;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A customer of the business: a phone with one or two devices that writes to the business,
 * receives its replies on every device and answers each with a "delivered" receipt, as a real
 * phone does.
 */
public final class SimulatedCustomer {

    private static final System.Logger LOG = System.getLogger(SimulatedCustomer.class.getName());
    private static final String SECOND_DEVICE_PLATFORM = "desktop";

    private final String phoneNumber;
    private final String name;
    private final List<SimulatedDevice> devices;
    private final SecureRandom random;
    private final List<java.util.function.Consumer<ReceivedMessage>> replyListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Replies the customer has not read yet, oldest first (what the main phone received). */
    private final List<ReceivedMessage> unread = new ArrayList<>();
    /** When set, the customer reads each reply this long after it arrived; off by default. */
    private volatile java.time.Duration readAfter;

    private SimulatedCustomer(String phoneNumber, String name, List<SimulatedDevice> devices, SecureRandom random) {
        this.phoneNumber = phoneNumber;
        this.name = name;
        this.devices = devices;
        this.random = random;
    }

    public static SimulatedCustomer register(String phoneNumber, String name, int deviceCount, Switchboard switchboard,
                                             SandboxClock clock, ClientSettings settings, SecureRandom random) {
        if (deviceCount < 1 || deviceCount > 2) {
            throw new IllegalArgumentException("a customer has one or two devices");
        }
        List<SimulatedDevice> devices = new ArrayList<>();
        SimulatedDevice primary = new SimulatedDevice(new DeviceAddress(phoneNumber, 0), "phone", random, clock.millis());
        switchboard.register(phoneNumber, name, false, primary.registration(clock.millis()));
        devices.add(primary);
        if (deviceCount == 2) {
            devices.add(addSecondDevice(phoneNumber, SECOND_DEVICE_PLATFORM, switchboard, clock, random));
        }
        SimulatedCustomer customer = new SimulatedCustomer(phoneNumber, name, List.copyOf(devices), random);
        for (SimulatedDevice device : devices) {
            device.goOnline(settings, customer.receiptsFor(device));
        }
        return customer;
    }

    /**
     * The customer as they were when the sandbox last stopped. The network may have removed the
     * second device since (the 14- and 30-day rules apply to customers too): it is linked again
     * under a new id. A customer whose main phone the network does not know is dropped.
     */
    public static Optional<SimulatedCustomer> restore(String phoneNumber, String name,
                                                      List<SimulatedDeviceRecord> records, Switchboard switchboard,
                                                      SandboxClock clock, ClientSettings settings, SecureRandom random) {
        List<SimulatedDevice> devices = new ArrayList<>();
        for (SimulatedDeviceRecord record : records) {
            DeviceAddress address = new DeviceAddress(record.account(), record.device());
            if (switchboard.directory().device(address).isPresent()) {
                devices.add(SimulatedDevice.restore(record, random));
            } else if (address.isPrimary()) {
                LOG.log(System.Logger.Level.WARNING, "{0} ({1}) is not known to the network any more; left out of "
                        + "the simulation", name, phoneNumber);
                return Optional.empty();
            } else {
                SimulatedDevice again = addSecondDevice(phoneNumber, record.platform(), switchboard, clock, random);
                LOG.log(System.Logger.Level.INFO, "{0}''s {1} {2} was removed by the network; linked again as {3}",
                        name, record.platform(), address, again.address());
                devices.add(again);
            }
        }
        SimulatedCustomer customer = new SimulatedCustomer(phoneNumber, name, List.copyOf(devices), random);
        for (SimulatedDevice device : devices) {
            device.goOnline(settings, customer.receiptsFor(device));
        }
        return Optional.of(customer);
    }

    /**
     * A second device registered directly (a customer's own devices need no linking ceremony).
     * Its approval counts as use of the main phone, as on the real network: otherwise, after the
     * clock moved, the 14-day rule would remove it again at the next sweep.
     */
    private static SimulatedDevice addSecondDevice(String phoneNumber, String platform, Switchboard switchboard,
                                                   SandboxClock clock, SecureRandom random) {
        int id = switchboard.reserveDeviceId(phoneNumber);
        SimulatedDevice second = new SimulatedDevice(new DeviceAddress(phoneNumber, id), platform, random, clock.millis());
        switchboard.registerDevice(phoneNumber, second.registration(clock.millis()));
        switchboard.primaryUsed(phoneNumber);
        return second;
    }

    private DeviceEvents receiptsFor(SimulatedDevice device) {
        return new DeviceEvents() {
            @Override
            public void messageDecrypted(ReceivedMessage message) {
                if (!message.sentByMe()) {
                    device.client().sendReceipt(message.sender(), Receipt.Kind.DELIVERED,
                            List.of(message.content().messageId()));
                    if (device == devices.get(0)) { // once per customer, not once per device
                        synchronized (unread) {
                            unread.add(message);
                        }
                        replyListeners.forEach(listener -> listener.accept(message));
                        java.time.Duration delay = readAfter;
                        if (delay != null) {
                            java.util.concurrent.CompletableFuture.runAsync(SimulatedCustomer.this::readQuietly,
                                    java.util.concurrent.CompletableFuture.delayedExecutor(delay.toMillis(),
                                            TimeUnit.MILLISECONDS));
                        }
                    }
                }
            }
        };
    }

    /**
     * The customer opens the chat: one read receipt per sending device for every reply not read
     * yet, from the main phone (the network tells the customer's other devices too).
     *
     * @return how many messages were marked read
     */
    public int markRead() {
        List<ReceivedMessage> reading;
        synchronized (unread) {
            reading = List.copyOf(unread);
            unread.clear();
        }
        java.util.Map<DeviceAddress, List<String>> bySender = new java.util.LinkedHashMap<>();
        for (ReceivedMessage message : reading) {
            bySender.computeIfAbsent(message.sender(), s -> new ArrayList<>()).add(message.content().messageId());
        }
        try {
            for (var entry : bySender.entrySet()) {
                devices.get(0).client().sendReceipt(entry.getKey(), Receipt.Kind.READ, entry.getValue())
                        .toCompletableFuture().get(15, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            synchronized (unread) { // still unread: a later read sends them again
                unread.addAll(0, reading);
            }
            throw new IllegalStateException(name + " could not send a read receipt: " + e.getMessage(), e);
        }
        return reading.size();
    }

    /** Reads each reply {@code delay} after it arrived, as a customer glancing at the phone; null turns it off. */
    public void readAfter(java.time.Duration delay) {
        this.readAfter = delay;
    }

    public java.util.Optional<java.time.Duration> readAfter() {
        return java.util.Optional.ofNullable(readAfter);
    }

    private void readQuietly() {
        try {
            markRead();
        } catch (RuntimeException e) {
            System.getLogger(SimulatedCustomer.class.getName()).log(System.Logger.Level.INFO, e.getMessage());
        }
    }

    /** Hears each reply the customer gets (on its main phone), e.g. to measure reply latency. */
    public void onReply(java.util.function.Consumer<ReceivedMessage> listener) {
        replyListeners.add(listener);
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public String name() {
        return name;
    }

    public List<SimulatedDevice> devices() {
        return devices;
    }

    /** Writes to the business from the customer's main phone; returns when the network accepted it. */
    public String send(String business, String text) {
        try {
            return sendAsync(business, text).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(name + " could not send: " + cause.getMessage(), cause);
        }
    }

    /**
     * Writes to the business from the customer's main phone without waiting: the future
     * completes with the message id when the network accepted it (the device sends its messages
     * one after the other, in the order they were handed in).
     */
    public java.util.concurrent.CompletableFuture<String> sendAsync(String business, String text) {
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        String id = "c-" + HexFormat.of().formatHex(idBytes);
        return devices.get(0).client().send(new OutgoingMessage(id, business, text.getBytes(StandardCharsets.UTF_8)))
                .toCompletableFuture().thenApply(ignored -> id);
    }

    /**
     * Sends an image or document to the business: encrypted under a fresh media key, the
     * ciphertext uploaded to the media host, and only the reference (path, key, hashes, size)
     * in the Signal-encrypted message.
     */
    public String sendMedia(String business, String mimeType, byte[] file, String caption,
                            com.teaminbox.sandbox.media.BlobStore blobs) {
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        String id = "c-" + HexFormat.of().formatHex(idBytes);
        byte[] mediaKey = new byte[com.teaminbox.bridge.fanout.MediaReference.MEDIA_KEY_LENGTH];
        random.nextBytes(mediaKey);
        com.teaminbox.bridge.media.EncryptedMedia encrypted = com.teaminbox.bridge.media.MediaCipher.encrypt(
                com.teaminbox.bridge.media.MediaType.forMimeType(mimeType), mediaKey, file);
        String path = blobs.put(encrypted.fileEncSha256(), encrypted.blob());
        var reference = new com.teaminbox.bridge.fanout.MediaReference(path, mimeType, mediaKey, encrypted.fileSha256(),
                encrypted.fileEncSha256(), encrypted.size());
        java.util.Arrays.fill(mediaKey, (byte) 0);
        try {
            devices.get(0).client().sendMedia(id, business, caption, reference).toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " could not send media: " + e.getMessage(), e);
        }
        return id;
    }

    /**
     * Opens an attachment a customer received, as the customer's phone does: the blob from the
     * media host, checked against the message's hashes and MAC, decrypted with its key.
     *
     * @throws IllegalStateException the media host has no such blob
     */
    public static byte[] openMedia(com.teaminbox.bridge.fanout.MediaReference media,
                                   com.teaminbox.sandbox.media.BlobStore blobs)
            throws com.teaminbox.bridge.media.MediaTamperedException {
        byte[] blob = blobs.get(media.directPath())
                .orElseThrow(() -> new IllegalStateException("no media blob at " + media.directPath()));
        return com.teaminbox.bridge.media.MediaDownload.open(media, blob);
    }

    /** Every message this customer's devices received, per device. */
    public List<ReceivedMessage> received() {
        return devices.stream().flatMap(d -> d.inbox().stream()).toList();
    }

    public void goOffline() {
        devices.forEach(SimulatedDevice::goOffline);
    }

    @Override
    public String toString() {
        return "SimulatedCustomer[" + phoneNumber + ", " + devices.size() + " devices]";
    }
}
