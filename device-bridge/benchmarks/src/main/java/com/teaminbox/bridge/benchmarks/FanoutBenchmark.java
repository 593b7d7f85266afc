package com.teaminbox.bridge.benchmarks;

import com.teaminbox.bridge.fanout.DeviceList;
import com.teaminbox.bridge.fanout.FanoutEncryptor;
import com.teaminbox.bridge.fanout.FanoutMessage;
import com.teaminbox.bridge.fanout.MessageContent;
import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.memory.InMemorySignalProtocolStore;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What an agent's companion pays per sent message: encrypting it for a customer's 2 devices and
 * the account's 3 other devices, sessions already established.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FanoutBenchmark {

    private final SecureRandom random = new SecureRandom();
    private FanoutEncryptor encryptor;
    private final DeviceList customer = DeviceList.of("customer", 0, 1);
    private final DeviceList ownAccount = DeviceList.of("shop", 0, 1, 2, 3);
    private final MessageContent content = MessageContent.text("m-1", "customer", 1_700_000_000_000L,
            "Your order #4711 has shipped and should arrive on Thursday.");

    @Setup
    public void establish() throws Exception {
        Map<SignalAddress, DeviceKeys> devices = new HashMap<>();
        for (SignalAddress address : customer.addresses()) {
            devices.put(address, DeviceKeys.generate(random, 1, 1, 1, 0));
        }
        for (SignalAddress address : ownAccount.addresses()) {
            devices.put(address, DeviceKeys.generate(random, 1, 1, 1, 0));
        }
        SignalAddress sender = new SignalAddress("shop", 1);
        InMemorySignalProtocolStore store = InMemorySignalProtocolStore.of(devices.get(sender));
        encryptor = new FanoutEncryptor(store, sender, address -> Optional.ofNullable(devices.get(address))
                .map(keys -> keys.bundle(address.deviceId(), keys.oneTimePreKeys().get(0))), random);
        encryptor.encrypt(content, customer, ownAccount); // builds the five sessions
    }

    @Benchmark
    public FanoutMessage fanOutToFiveDevices() throws Exception {
        return encryptor.encrypt(content, customer, ownAccount);
    }
}
