package org.popcorn.server.qualification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Qualifications plugins grant their members ({@link org.popcorn.api.Qualifications}). A code belongs to the plugin
 * that grants it; sign-up eligibility reads them through {@link #holds}.
 */
@ApplicationScoped
public class QualificationService {

    private static final Logger LOG = Logger.getLogger(QualificationService.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional
    public MemberQualification grant(String pluginId, long memberId, String code, Long grantedBy, Instant expiresAt) {
        MemberQualification q = em.find(MemberQualification.class, new MemberQualification.Key(pluginId, code, memberId));
        if (q == null) {
            q = new MemberQualification(pluginId, code, memberId);
            q.grant(grantedBy, clock.instant(), expiresAt);
            em.persist(q);
        } else {
            q.grant(grantedBy, clock.instant(), expiresAt);
        }
        LOG.info(() -> "event=qualification.granted plugin=" + pluginId + " code=" + code + " member=" + memberId);
        return q;
    }

    @Transactional
    public boolean revoke(String pluginId, long memberId, String code) {
        MemberQualification q = em.find(MemberQualification.class, new MemberQualification.Key(pluginId, code, memberId));
        if (q == null) {
            return false;
        }
        em.remove(q);
        LOG.info(() -> "event=qualification.revoked plugin=" + pluginId + " code=" + code + " member=" + memberId);
        return true;
    }

    public Optional<MemberQualification> of(String pluginId, long memberId, String code) {
        return Optional.ofNullable(em.find(MemberQualification.class, new MemberQualification.Key(pluginId, code, memberId)))
                .filter(q -> q.heldAt(clock.instant()));
    }

    public boolean holds(String pluginId, String code, long memberId) {
        return of(pluginId, memberId, code).isPresent();
    }

    public List<MemberQualification> heldBy(String pluginId, long memberId) {
        return em.createQuery("select q from MemberQualification q where q.pluginId = :p and q.memberId = :m"
                        + " and (q.expiresAt is null or q.expiresAt > :now) order by q.code", MemberQualification.class)
                .setParameter("p", pluginId).setParameter("m", memberId).setParameter("now", clock.instant()).getResultList();
    }

    /** Forgets every qualification of a member who leaves. */
    @Transactional
    public int eraseAllOf(long memberId) {
        return em.createQuery("delete from MemberQualification q where q.memberId = :m").setParameter("m", memberId).executeUpdate();
    }
}
