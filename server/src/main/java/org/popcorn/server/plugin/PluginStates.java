package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Admins' enable/disable choices ({@code plugin_state}); a plugin with no row is enabled. */
@ApplicationScoped
public class PluginStates {

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Transactional
    public boolean isEnabled(String pluginId) {
        List<?> rows = em.createNativeQuery("select enabled from plugin_state where plugin_id = ?").setParameter(1, pluginId)
                .getResultList();
        return rows.isEmpty() || Boolean.TRUE.equals(rows.get(0)) || "TRUE".equalsIgnoreCase(String.valueOf(rows.get(0)));
    }

    /** Every recorded choice: plugin id → enabled (plugins without a row are enabled). */
    @Transactional
    public Map<String, Boolean> all() {
        Map<String, Boolean> out = new HashMap<>();
        for (Object row : em.createNativeQuery("select plugin_id, enabled from plugin_state").getResultList()) {
            Object[] r = (Object[]) row;
            out.put((String) r[0], Boolean.TRUE.equals(r[1]) || "TRUE".equalsIgnoreCase(String.valueOf(r[1])));
        }
        return out;
    }

    @Transactional
    public void set(String pluginId, boolean enabled, long adminId) {
        int n = em.createNativeQuery("update plugin_state set enabled = ?, changed_by = ?, changed_at = ? where plugin_id = ?")
                .setParameter(1, enabled).setParameter(2, adminId).setParameter(3, OffsetDateTime.now()).setParameter(4, pluginId)
                .executeUpdate();
        if (n == 0) {
            em.createNativeQuery("insert into plugin_state (plugin_id, enabled, changed_by, changed_at) values (?, ?, ?, ?)")
                    .setParameter(1, pluginId).setParameter(2, enabled).setParameter(3, adminId).setParameter(4, OffsetDateTime.now())
                    .executeUpdate();
        }
    }
}
