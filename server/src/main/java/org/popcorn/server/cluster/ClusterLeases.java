package org.popcorn.server.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Leases in the database ({@code cluster_lease}) that let exactly one of several servers run a periodic job: a server
 * holds a lease until it expires and renews it each time it runs the job; when the holder stops (or is killed), the
 * lease expires and the next server that asks takes it. Each claim is one conditional update of the lease's row (seeded
 * by the migration that introduces the lease), so two servers never hold the same lease at once. The servers' clocks must agree to well within the lease's length (NTP).
 */
@ApplicationScoped
public class ClusterLeases {

    /** The plugins' periodic work ({@code PopcornExtension.onSchedule}): one server runs it. */
    public static final String PLUGINS_SCHEDULE = "plugins.schedule";

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    /**
     * Takes or renews the lease for this server; answers whether this server holds it now (until {@code now + length}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hold(String name, Duration length) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        OffsetDateTime until = now.plus(length);
        String me = ServerInstance.id();
        int taken = em.createNativeQuery("update cluster_lease set holder = ?, expires_at = ? "
                        + "where name = ? and (holder = ? or expires_at < ?)")
                .setParameter(1, me).setParameter(2, until).setParameter(3, name).setParameter(4, me).setParameter(5, now)
                .executeUpdate();
        return taken == 1;
    }

    /** Gives the lease up at shutdown, so another server takes the job over at its next run. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String name) {
        em.createNativeQuery("update cluster_lease set expires_at = ? where name = ? and holder = ?")
                .setParameter(1, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC)).setParameter(2, name)
                .setParameter(3, ServerInstance.id()).executeUpdate();
    }
}
