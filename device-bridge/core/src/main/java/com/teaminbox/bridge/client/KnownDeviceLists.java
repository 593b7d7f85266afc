package com.teaminbox.bridge.client;

import com.teaminbox.bridge.fanout.DeviceList;
import com.teaminbox.bridge.stanza.DeviceAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device lists this client last heard from the server, per account. Until the server said
 * otherwise an account is assumed to have only its primary: the server's ack then reports the
 * list as stale and the notices that precede it fill in the rest.
 */
final class KnownDeviceLists {

    private final Map<String, List<Integer>> lists = new ConcurrentHashMap<>();

    void update(String account, List<DeviceAddress> devices) {
        lists.put(account, devices.stream().filter(d -> d.account().equals(account)).map(DeviceAddress::device)
                .sorted().distinct().toList());
    }

    DeviceList of(String account) {
        return new DeviceList(account, lists.getOrDefault(account, List.of(0)));
    }
}
