package org.popcorn.server.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Counters in the database ({@code cluster_signal}) for requests that every server must follow: the server that is
 * asked raises the count; every server compares it with the count it last acted on (see
 * {@code org.popcorn.server.plugin.PluginFollower}).
 */
@ApplicationScoped
public class ClusterSignals {

    /** Raised when an admin asks for a plugin rescan. */
    public static final String PLUGINS_RESCAN = "plugins.rescan";

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    /** Raises a signal; answers its new count. */
    @Transactional
    public long raise(String name) {
        em.createNativeQuery("update cluster_signal set generation = generation + 1 where name = ?").setParameter(1, name)
                .executeUpdate();
        return current(name);
    }

    /** A signal's count (0 when it was never raised). */
    @Transactional
    public long current(String name) {
        List<?> rows = em.createNativeQuery("select generation from cluster_signal where name = ?").setParameter(1, name)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
