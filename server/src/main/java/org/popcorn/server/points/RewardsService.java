package org.popcorn.server.points;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.popcorn.server.common.RetryOnConflict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.popcorn.api.Message;
import java.util.Map;
import java.util.logging.Logger;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.notification.NotificationKinds;
import org.popcorn.server.notification.NotificationService;

/**
 * Badges, activity counters and privileges: the parts of the reward system besides the points ledger.
 * Counting an activity may award the badges whose threshold it reaches; every badge awarded tells the member.
 */
@ApplicationScoped
public class RewardsService {

    private static final Logger LOG = Logger.getLogger(RewardsService.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    NotificationService notifications;

    @Inject
    PointsService points;

    /**
     * Defines a badge, or updates its texts (plugins call this at start). Two servers starting at once both define it:
     * the one that loses the insert retries and updates the row the other wrote.
     */
    @Transactional
    @RetryOnConflict
    public Badge defineBadge(Badge badge) {
        return em.merge(badge);
    }

    public List<Badge> badges() {
        return em.createQuery("select b from Badge b order by b.source, b.code", Badge.class).getResultList();
    }

    /** Awards a badge once; returns false when the member already had it. */
    @Transactional
    @RetryOnConflict
    public boolean awardBadge(long memberId, String code) {
        Badge badge = em.find(Badge.class, code);
        if (badge == null) {
            throw ProblemException.notFound("No badge '" + code + "'.").withCode("badge.not-found");
        }
        if (em.find(MemberBadge.class, new MemberBadge.Key(memberId, code)) != null) {
            return false;
        }
        em.persist(new MemberBadge(memberId, code, Instant.now()));
        notifications.notify(memberId, NotificationKinds.BADGE_EARNED,
                Message.of("badge-earned.title", "You earned the badge “{badge}”").with("badge", Message.of("badge." + code + ".name", badge.name())),
                Message.of("badge-earned.body", "{description}").with("description", Message.of("badge." + code + ".description",
                        badge.description() == null ? "" : badge.description())), "/#/me", "core");
        LOG.info(() -> "event=badge.awarded member=" + memberId + " badge=" + code);
        return true;
    }

    /**
     * Adds to a member's counter of one kind of participation and awards the badges it now reaches. The counter row is
     * locked, so concurrent increments add up.
     */
    @Transactional
    public long recordActivity(long memberId, String kind, long delta) {
        MemberActivity a = em.find(MemberActivity.class, new MemberActivity.Key(memberId, kind), LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            a = new MemberActivity(memberId, kind);
            em.persist(a);
        }
        a.add(delta);
        long now = a.amount();
        List<Badge> reached = em.createQuery("select b from Badge b where b.activityKind = :k and b.threshold <= :n", Badge.class)
                .setParameter("k", kind).setParameter("n", now).getResultList();
        for (Badge b : reached) {
            awardBadge(memberId, b.code());
        }
        return now;
    }

    public Map<String, Long> activity(long memberId) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (MemberActivity a : em.createQuery("select a from MemberActivity a where a.memberId = :m order by a.kind",
                MemberActivity.class).setParameter("m", memberId).getResultList()) {
            out.put(a.kind(), a.amount());
        }
        return out;
    }

    /** The member's badges with their definitions, in the order earned. */
    public List<Object[]> badgesOf(long memberId) {
        return em.createQuery("select b, mb.awardedAt from MemberBadge mb, Badge b where mb.memberId = :m "
                + "and b.code = mb.badgeCode order by mb.awardedAt, b.code", Object[].class).setParameter("m", memberId).getResultList();
    }

    /** The privileges someone owns (unclaimed leftovers of a plugin that is not installed stay out of sight). */
    public List<Privilege> privileges() {
        return em.createQuery("select p from Privilege p where p.source is not null order by p.code", Privilege.class).getResultList();
    }

    /**
     * Defines (or updates) a plugin's privilege at its start; an unclaimed one of that code becomes the plugin's, with its
     * grants.
     *
     * @throws IllegalArgumentException when the code is badly formed, the definition invalid, or the code owned by the
     *                                  core or another plugin
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW) // a refusal must not roll back what the caller's start did before
    public void definePrivilege(String owner, String code, String name, String description, Integer minLevel) {
        if (code == null || !code.matches("[a-z][a-z0-9-]{1,63}")) {
            throw new IllegalArgumentException("privilege code '" + code + "': 2-64 lower-case letters, digits or '-', starting with a letter");
        }
        Privilege p = em.find(Privilege.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            em.persist(new Privilege(code, name, description, minLevel, owner));
            return;
        }
        if (!p.claimableBy(owner)) {
            throw new IllegalArgumentException("privilege '" + code + "' belongs to " + ("core".equals(p.source()) ? "the core" : "plugin '" + p.source() + "'"));
        }
        p.define(name, description, minLevel);
        p.claim(owner);
    }

    /** "May this member …?": true when their level reaches the privilege's minimum, or an admin granted it to them. */
    public boolean may(long memberId, long lifetimePoints, String privilegeCode) {
        Privilege p = em.find(Privilege.class, privilegeCode);
        if (p == null) {
            throw new IllegalArgumentException("unknown privilege " + privilegeCode);
        }
        if (p.minLevel() != null && points.levels().levelFor(lifetimePoints).number() >= p.minLevel()) {
            return true;
        }
        return em.find(PrivilegeGrant.class, new PrivilegeGrant.Key(memberId, privilegeCode)) != null;
    }

    @Transactional
    @RetryOnConflict
    public void grantPrivilege(long memberId, String code, long adminId) {
        if (em.find(Privilege.class, code) == null) {
            throw ProblemException.notFound("No privilege '" + ProblemException.shorten(code) + "'.").withCode("privilege.not-found");
        }
        if (em.find(PrivilegeGrant.class, new PrivilegeGrant.Key(memberId, code)) == null) {
            em.persist(new PrivilegeGrant(memberId, code, adminId, Instant.now()));
        }
    }

    @Transactional
    @RetryOnConflict
    public void revokePrivilege(long memberId, String code) {
        if (em.find(Privilege.class, code) == null) {
            throw ProblemException.notFound("No privilege '" + ProblemException.shorten(code) + "'.").withCode("privilege.not-found");
        }
        PrivilegeGrant g = em.find(PrivilegeGrant.class, new PrivilegeGrant.Key(memberId, code));
        if (g != null) {
            em.remove(g);
        }
    }
}
