package com.teaminbox.sandbox.phone;

import com.teaminbox.bridge.client.ClientSettings;
import com.teaminbox.bridge.client.DeviceEvents;
import com.teaminbox.bridge.client.DeviceRegistration;
import com.teaminbox.bridge.client.NetworkDeviceClient;
import com.teaminbox.bridge.client.ReceivedMessage;
import com.teaminbox.bridge.client.Receipt;
import com.teaminbox.bridge.crypto.X25519;
import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.signal.IdentityKeyPair;
import com.teaminbox.bridge.signal.InvalidEncodingException;
import com.teaminbox.bridge.signal.SignedPreKeyRecord;
import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.sandbox.account.RegisteredDevice;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One device of a simulated phone (the business owner's or a customer's): real keys, real
 * Signal sessions, and the same {@link NetworkDeviceClient} the inbox uses, over a loopback
 * socket. It is registered directly in the directory (a phone's own device needs no linking).
 */
public final class SimulatedDevice {

    private static final int PREKEYS = 50;

    private final DeviceAddress address;
    private final String platform;
    private final X25519KeyPair noiseKey;
    private final KeptSignalStore store;
    private final SecureRandom random;
    private final List<ReceivedMessage> inbox = new CopyOnWriteArrayList<>();
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private volatile NetworkDeviceClient client;

    public SimulatedDevice(DeviceAddress address, String platform, SecureRandom random, long nowMillis) {
        this.address = address;
        this.platform = platform;
        this.random = random;
        DeviceKeys keys = DeviceKeys.generate(random, 1, 1, PREKEYS, nowMillis);
        this.noiseKey = X25519.generateKeyPair(random);
        this.store = new KeptSignalStore(keys.identityKeyPair(), keys.registrationId());
        store.storeSignedPreKey(keys.signedPreKey());
        keys.oneTimePreKeys().forEach(store::storePreKey);
    }

    private SimulatedDevice(SimulatedDeviceRecord record, SecureRandom random) throws InvalidEncodingException {
        this.address = new DeviceAddress(record.account(), record.device());
        this.platform = record.platform();
        this.random = random;
        this.noiseKey = new X25519KeyPair(record.noisePublicKey(), record.noisePrivateKey());
        this.store = new KeptSignalStore(IdentityKeyPair.deserialize(record.identityKeyPair()), record.registrationId());
        store.readFrom(record);
    }

    /** The device as it was when the sandbox last stopped. */
    public static SimulatedDevice restore(SimulatedDeviceRecord record, SecureRandom random) {
        try {
            return new SimulatedDevice(record, random);
        } catch (InvalidEncodingException e) {
            throw new IllegalStateException("unreadable simulated device " + record, e);
        }
    }

    /** What to keep of this device across a restart. */
    public SimulatedDeviceRecord record() {
        SimulatedDeviceRecord.Builder builder = SimulatedDeviceRecord.builder()
                .device(address.account(), address.device(), platform)
                .keys(noiseKey.publicKey(), noiseKey.privateKey(), store.identityKeyPair().serialize(),
                        store.localRegistrationId());
        store.writeTo(builder);
        return builder.build();
    }

    public DeviceAddress address() {
        return address;
    }

    /** What the network learns of this device: public keys and the first batch of prekeys. */
    public RegisteredDevice registration(long nowMillis) {
        SignedPreKeyRecord signed = store.loadSignedPreKeys().get(0);
        return new RegisteredDevice(address.device(), platform, noiseKey.publicKey(),
                store.identityKeyPair().publicKey().publicKey(), store.localRegistrationId(), signed.id(),
                signed.publicKey(), signed.signature(), 0, nowMillis);
    }

    /** The identity key pair: the business phone signs linked devices with it. */
    public IdentityKeyPair identity() {
        return store.identityKeyPair();
    }

    private static final int LOGIN_WAIT_SECONDS = 30;

    /** Connects and logs in; {@code also} hears every event after the device recorded it. */
    public synchronized void goOnline(ClientSettings settings, DeviceEvents also) {
        if (client != null) {
            return;
        }
        NetworkDeviceClient connecting = new NetworkDeviceClient(settings,
                new DeviceRegistration(noiseKey, store, platform, address), new DeviceEvents() {
                    @Override
                    public void messageDecrypted(ReceivedMessage message) {
                        inbox.add(message);
                        also.messageDecrypted(message);
                    }

                    @Override
                    public void receiptReceived(Receipt receipt) {
                        receipts.add(receipt);
                        also.receiptReceived(receipt);
                    }
                }, random);
        client = connecting;
        try {
            // Generous: on a loaded 2-core machine the first handshake of a fresh JVM took over 10 s.
            connecting.connect().toCompletableFuture().get(LOGIN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            client = null;
            connecting.close();
            String why = e instanceof java.util.concurrent.TimeoutException
                    ? "no login within " + LOGIN_WAIT_SECONDS + " s (last state " + connecting.state() + ")"
                    : String.valueOf(e.getMessage());
            throw new IllegalStateException(address + " could not log in: " + why, e);
        }
    }

    public synchronized void goOffline() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    public boolean isOnline() {
        return client != null;
    }

    /** The client, while online. */
    public NetworkDeviceClient client() {
        NetworkDeviceClient current = client;
        if (current == null) {
            throw new IllegalStateException(address + " is offline");
        }
        return current;
    }

    public List<ReceivedMessage> inbox() {
        return List.copyOf(inbox);
    }

    public List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    @Override
    public String toString() {
        return "SimulatedDevice[" + address + ", " + (isOnline() ? "online" : "offline") + "]";
    }
}
