package com.teaminbox.bridge.fanout;

import com.teaminbox.bridge.signal.SignalAddress;
import java.util.List;

/**
 * Everything one send stanza carries: a ciphertext per reachable device and the hash of the
 * device list used. {@code unreachable} lists devices without a session for which the server had
 * no bundle; they are part of the hash, so the server's answer tells the sender what to retry.
 */
public record FanoutMessage(List<DeviceCiphertext> ciphertexts, DeviceListHash deviceListHash,
                            List<SignalAddress> unreachable) {
    public FanoutMessage {
        ciphertexts = List.copyOf(ciphertexts);
        unreachable = List.copyOf(unreachable);
    }
}
