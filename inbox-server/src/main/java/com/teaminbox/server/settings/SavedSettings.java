package com.teaminbox.server.settings;

import com.teaminbox.server.device.keys.KeyKind;
import com.teaminbox.server.device.keys.MasterKey;
import com.teaminbox.server.platform.InboxDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The values an admin saved (table {@code inbox_setting}), each overriding the MicroProfile
 * Config key of the same name. Read often (every primary-phone check, every alert sent), so
 * kept in memory: re-read after a save on this instance at once, and every few seconds
 * otherwise, so that another instance's save reaches this one without a restart.
 */
@ApplicationScoped
public class SavedSettings {

    /** How stale another instance's save may be here. */
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final long DEVICE_NONE = 0; // the seal's device slot: no device has id 0
    private static final Logger LOG = Logger.getLogger(SavedSettings.class.getName());

    /** A saved value; {@code value} null: saved as none (turns a configured value off). */
    public record Saved(String value) {
        public Optional<String> present() {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
    }

    @Resource(lookup = InboxDataSource.JNDI_NAME)
    private DataSource dataSource;

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private MasterKey masterKey;

    private volatile Map<String, Saved> saved = Map.of();
    private volatile long loadedAt;
    private volatile boolean stale = true;

    /** Empty: nothing saved, the configured value holds. */
    public Optional<Saved> get(String name) {
        return Optional.ofNullable(current().get(name));
    }

    /** The saved value if there is one, else the configured one; blank counts as none. */
    public Optional<String> orConfigured(String name, Optional<String> configured) {
        return get(name).map(Saved::present).orElse(configured.filter(v -> !v.isBlank()));
    }

    public boolean isSaved(String name) {
        return current().containsKey(name);
    }

    /** Stores the value (null or blank: saved as none) in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String name, String value, String by) {
        em.createNativeQuery("""
                INSERT INTO inbox_setting (name, value, sealed, updated_at, updated_by) VALUES (?1, ?2, NULL, now(), ?3)
                ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, sealed = NULL, updated_at = now(), updated_by = EXCLUDED.updated_by
                """).setParameter(1, name).setParameter(2, value == null ? "" : value).setParameter(3, by).executeUpdate();
    }

    /** Stores a secret sealed under the master key; blank: saved as none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveSecret(String name, String secret, String by) {
        if (secret == null || secret.isEmpty()) {
            save(name, "", by);
            return;
        }
        byte[] sealed = masterKey.cipher().seal(DEVICE_NONE, KeyKind.SETTING, name, secret.getBytes(StandardCharsets.UTF_8));
        em.createNativeQuery("""
                INSERT INTO inbox_setting (name, value, sealed, updated_at, updated_by) VALUES (?1, NULL, ?2, now(), ?3)
                ON CONFLICT (name) DO UPDATE SET value = NULL, sealed = EXCLUDED.sealed, updated_at = now(), updated_by = EXCLUDED.updated_by
                """).setParameter(1, name).setParameter(2, sealed).setParameter(3, by).executeUpdate();
    }

    /** Back to the configured values. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(Set<String> names) {
        for (String name : names) {
            em.createNativeQuery("DELETE FROM inbox_setting WHERE name = ?1").setParameter(1, name).executeUpdate();
        }
    }

    /** The next read goes to the database (called after this instance's save committed). */
    public void changed() {
        stale = true;
    }

    private Map<String, Saved> current() {
        long now = System.nanoTime();
        if (stale || now - loadedAt > REFRESH.toNanos()) {
            synchronized (this) {
                if (stale || now - loadedAt > REFRESH.toNanos()) {
                    stale = false;
                    saved = load();
                    loadedAt = System.nanoTime();
                }
            }
        }
        return saved;
    }

    private Map<String, Saved> load() {
        Map<String, Saved> read = new HashMap<>();
        try (Connection db = dataSource.getConnection(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT name, value, sealed FROM inbox_setting")) {
            while (rows.next()) {
                String name = rows.getString(1);
                byte[] sealed = rows.getBytes(3);
                String value = sealed != null
                        ? new String(masterKey.cipher().open(DEVICE_NONE, KeyKind.SETTING, name, sealed), StandardCharsets.UTF_8)
                        : rows.getString(2);
                read.put(name, new Saved(value == null || value.isEmpty() ? null : value));
            }
            return Map.copyOf(read);
        } catch (SQLException | RuntimeException e) {
            // Never the values: only which kind of failure. The last known settings stay.
            LOG.log(Level.WARNING, "Saved settings could not be read (" + e.getClass().getSimpleName()
                    + "); the last known ones stay in force", e instanceof SQLException ? e : null);
            return saved;
        }
    }
}
