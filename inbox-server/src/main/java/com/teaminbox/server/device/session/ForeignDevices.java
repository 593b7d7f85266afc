package com.teaminbox.server.device.session;

import com.teaminbox.bridge.stanza.DeviceAddress;
import com.teaminbox.server.audit.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compares the business account's device list, as the network reports it to our devices,
 * with the devices the inbox linked. A companion the inbox did not link is "not managed by
 * Team Inbox": it takes a device slot and can read every chat, so it is recorded once and
 * audited (admins see it in the device list) until it leaves the account. An address the inbox
 * linked itself is never foreign, whatever its state now: the list heard last can be older than
 * a logout (the 14-day rule removes every companion at once, and the last list one of them
 * heard still names the others), and an alarm about our own devices teaches admins to ignore it.
 */
@ApplicationScoped
public class ForeignDevices {

    private static final Logger LOG = Logger.getLogger(ForeignDevices.class.getName());

    /** Our own new device is in the list a moment before its link is recorded: judge a little later. */
    static final long GRACE_SECONDS = 5;

    private final Map<Long, List<DeviceAddress>> latest = new ConcurrentHashMap<>();
    private final Set<Long> checkScheduled = ConcurrentHashMap.newKeySet();

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private ForeignDevices self; // through the proxy, so that check() runs in a transaction

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final Map<Long, String> businessNumbers = new ConcurrentHashMap<>();

    /** A device list arrived at one of the account's devices (it may be a contact's list). */
    @Transactional
    public void listSeen(long accountId, String listAccount, List<DeviceAddress> devices) {
        String business = businessNumbers.computeIfAbsent(accountId, id -> (String) em.createNativeQuery(
                "SELECT phone_number FROM business_account WHERE id = ?1").setParameter(1, id).getSingleResult());
        if (!business.equals(listAccount)) {
            return;
        }
        latest.put(accountId, List.copyOf(devices));
        scheduleCheck(accountId);
    }

    private void scheduleCheck(long accountId) {
        if (checkScheduled.add(accountId)) {
            scheduler.schedule(() -> {
                checkScheduled.remove(accountId);
                try {
                    self.check(accountId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not compare the device list of account " + accountId, e);
                }
            }, GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Records companions that appeared without the inbox linking them, and those that left. */
    @Transactional
    public void check(long accountId) {
        List<DeviceAddress> devices = latest.get(accountId);
        if (devices == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> ours = em.createNativeQuery("""
                SELECT network_device_id FROM companion_device WHERE account_id = ?1 AND network_device_id IS NOT NULL
                """).setParameter(1, accountId).getResultList();
        Set<String> companions = new HashSet<>();
        for (DeviceAddress device : devices) {
            if (!device.isPrimary()) {
                companions.add(device.account() + ":" + device.device());
            }
        }
        boolean linking = ((Number) em.createNativeQuery(
                "SELECT count(*) FROM companion_device WHERE account_id = ?1 AND state = 'linking'")
                .setParameter(1, accountId).getSingleResult()).longValue() > 0;
        for (String address : companions) {
            if (ours.contains(address)) {
                continue;
            }
            if (linking) {
                // most likely the device being linked right now, its address not recorded yet
                scheduleCheck(accountId);
                return;
            }
            int added = em.createNativeQuery("""
                    INSERT INTO foreign_device (account_id, network_address) VALUES (?1, ?2)
                    ON CONFLICT (account_id, network_address) WHERE gone_at IS NULL DO NOTHING
                    """).setParameter(1, accountId).setParameter(2, address).executeUpdate();
            em.createNativeQuery("""
                    UPDATE foreign_device SET last_seen_at = now()
                     WHERE account_id = ?1 AND network_address = ?2 AND gone_at IS NULL""")
                    .setParameter(1, accountId).setParameter(2, address).executeUpdate();
            if (added == 1) {
                audit.record(DeviceLifecycle.NETWORK, "device.foreign-detected", "account", Long.toString(accountId), address,
                        "a companion not linked by Team Inbox is on the account; log it out from the phone: "
                                + "Settings → Linked devices → tap the device → Log out");
                LOG.warning(() -> "Account " + accountId + ": companion " + address + " is not managed by Team Inbox");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> open = em.createNativeQuery(
                        "SELECT network_address FROM foreign_device WHERE account_id = ?1 AND gone_at IS NULL")
                .setParameter(1, accountId).getResultList();
        for (String address : open) {
            if (!companions.contains(address) || ours.contains(address)) {
                em.createNativeQuery("""
                        UPDATE foreign_device SET gone_at = now()
                         WHERE account_id = ?1 AND network_address = ?2 AND gone_at IS NULL""")
                        .setParameter(1, accountId).setParameter(2, address).executeUpdate();
                audit.record(DeviceLifecycle.NETWORK, "device.foreign-gone", "account", Long.toString(accountId), address, "");
            }
        }
    }

    /**
     * The open foreign companions of an account (they count against the device budget). An
     * address the inbox linked is left out even if an older version recorded it as foreign.
     */
    @Transactional
    public List<String> current(long accountId) {
        @SuppressWarnings("unchecked")
        List<String> open = em.createNativeQuery("""
                SELECT f.network_address FROM foreign_device f
                 WHERE f.account_id = ?1 AND f.gone_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM companion_device d
                                    WHERE d.account_id = f.account_id AND d.network_device_id = f.network_address)
                 ORDER BY f.id""").setParameter(1, accountId).getResultList();
        return open;
    }
}
