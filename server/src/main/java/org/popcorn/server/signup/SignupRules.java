package org.popcorn.server.signup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.popcorn.api.Signups;
import org.popcorn.api.Signups.Status;
import org.popcorn.server.common.ProblemException;

/**
 * Who may take a place in a pool: it is open; the member meets its eligibility (minimum level, privilege, the
 * plugin's qualification); and an exclusive place does not overlap another exclusive place the member holds, in any
 * plugin. Checked at join and again at promotion from the waiting list ({@link SignupService}).
 */
@ApplicationScoped
public class SignupRules {

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    MemberStanding standing;

    static void requireOpen(SignupPool pool) {
        if (pool.closed()) {
            throw ProblemException.conflict("Sign-up is closed" + (pool.title() == null ? "." : " for " + pool.title() + "."), "pool")
                    .withCode("signup.closed");
        }
    }

    /** The first eligibility rule the member does not meet, as {@code rule:value}, or null. */
    String unmetRule(SignupPool pool, long memberId) {
        Signups.Eligibility e = pool.eligibility();
        if (e.minLevel() != null && standing.level(memberId) < e.minLevel()) {
            return "min-level:" + e.minLevel();
        }
        if (e.privilege() != null && !standing.may(memberId, e.privilege())) {
            return "privilege:" + e.privilege();
        }
        if (e.qualification() != null && !standing.qualified(pluginOf(pool.key()), e.qualification(), memberId)) {
            return "qualification:" + e.qualification();
        }
        return null;
    }

    void requireEligible(SignupPool pool, long memberId) {
        String rule = unmetRule(pool, memberId);
        if (rule != null) {
            String value = rule.substring(rule.indexOf(':') + 1);
            String detail = switch (rule.substring(0, rule.indexOf(':'))) {
                case "min-level" -> "This place needs level " + value + " or above.";
                case "privilege" -> "This place needs the privilege '" + value + "'.";
                default -> "This place needs the qualification '" + value + "'.";
            };
            throw ProblemException.forbidden(detail).withRule(rule).withCode("signup.not-eligible");
        }
    }

    /**
     * Serialises the member's sign-ups (a lock on their row, in the database) and answers the exclusive place they hold
     * that overlaps this pool's time, or null. Pools are always locked before members, so this cannot deadlock with
     * another join.
     */
    SignupPool clash(SignupPool pool, long memberId) {
        if (!pool.exclusive()) {
            return null;
        }
        em.createNativeQuery("select id from member where id = ? for update").setParameter(1, memberId).getResultList();
        List<SignupPool> held = em.createQuery("select q from SignupPlace p, SignupPool q where p.poolKey = q.key and p.memberId = :m"
                        + " and p.status <> :w and q.exclusive = true and q.key <> :k and q.startsAt < :end and q.endsAt > :start"
                        + " order by q.startsAt", SignupPool.class)
                .setParameter("m", memberId).setParameter("w", Status.WAITING).setParameter("k", pool.key())
                .setParameter("start", pool.startsAt()).setParameter("end", pool.endsAt()).setMaxResults(1).getResultList();
        return held.isEmpty() ? null : held.get(0);
    }

    void requireFreeTime(SignupPool pool, long memberId) {
        SignupPool other = clash(pool, memberId);
        if (other != null) {
            throw ProblemException.conflict("This overlaps " + describe(other) + ", which you already hold.", "pool")
                    .withCode("signup.overlap").withRule("overlap:" + other.key());
        }
    }

    /** Why a waiting member cannot be promoted now ({@code not-eligible} or {@code overlap:<pool>}), or null. */
    String hindrance(SignupPool pool, long memberId) {
        if (unmetRule(pool, memberId) != null) {
            return "not-eligible";
        }
        SignupPool other = clash(pool, memberId);
        return other == null ? null : "overlap:" + other.key();
    }

    /** A pool as a person reads it: its title and its time in its zone. */
    static String describe(SignupPool pool) {
        String name = pool.title() == null ? "another place" : "\u201c" + pool.title() + "\u201d";
        if (pool.startsAt() == null) {
            return name;
        }
        java.time.ZoneId zone = pool.zone() == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(pool.zone());
        java.time.ZonedDateTime from = pool.startsAt().atZone(zone);
        java.time.ZonedDateTime to = pool.endsAt().atZone(zone);
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        return name + " (" + from.format(day) + "\u2013" + (from.toLocalDate().equals(to.toLocalDate()) ? to.format(time) : to.format(day))
                + " " + zone.getId() + ")";
    }

    static String pluginOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? "" : key.substring(0, colon);
    }
}
