package com.teaminbox.sandbox.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.teaminbox.bridge.stanza.DeviceAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One account of the network (a phone number): its devices (0 is the primary phone), the
 * devices it removed (a removed device's next login fails with 401), the primary's last
 * activity (the 14-day rule) and the key-index list the primary signed last.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Account {

    private String phoneNumber;
    private String displayName;
    private boolean business;
    private TreeMap<Integer, RegisteredDevice> devices = new TreeMap<>();
    private TreeSet<Integer> removedDevices = new TreeSet<>();
    private int nextDeviceId = 1;
    private long primaryActiveMillis;
    private byte[] signedKeyIndexList;

    Account() {
        // for Jackson
    }

    Account(String phoneNumber, String displayName, boolean business, RegisteredDevice primary, long nowMillis) {
        this.phoneNumber = phoneNumber;
        this.displayName = displayName;
        this.business = business;
        this.devices.put(0, primary);
        this.primaryActiveMillis = nowMillis;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isBusiness() {
        return business;
    }

    public Optional<RegisteredDevice> device(int id) {
        return Optional.ofNullable(devices.get(id));
    }

    public List<RegisteredDevice> devices() {
        return List.copyOf(devices.values());
    }

    public List<RegisteredDevice> companions() {
        return devices.values().stream().filter(d -> d.id() != 0).toList();
    }

    public List<DeviceAddress> addresses() {
        List<DeviceAddress> addresses = new ArrayList<>();
        devices.keySet().forEach(id -> addresses.add(new DeviceAddress(phoneNumber, id)));
        return addresses;
    }

    public boolean wasRemoved(int deviceId) {
        return removedDevices.contains(deviceId);
    }

    public long primaryActiveMillis() {
        return primaryActiveMillis;
    }

    void primaryActiveAt(long millis) {
        primaryActiveMillis = Math.max(primaryActiveMillis, millis);
    }

    /** Device ids are never reused, so a message queued for a removed device cannot reach a new one. */
    int reserveDeviceId() {
        return nextDeviceId++;
    }

    void add(RegisteredDevice device) {
        devices.put(device.id(), device);
        removedDevices.remove(device.id());
    }

    boolean remove(int deviceId) {
        if (deviceId == 0 || devices.remove(deviceId) == null) {
            return false;
        }
        removedDevices.add(deviceId);
        return true;
    }

    void keyIndexListSigned(byte[] encoded) {
        signedKeyIndexList = encoded.clone();
    }

    public Optional<byte[]> signedKeyIndexList() {
        return Optional.ofNullable(signedKeyIndexList).map(byte[]::clone);
    }

    @Override
    public String toString() {
        return "Account[" + phoneNumber + ", " + devices.size() + " devices]";
    }
}
