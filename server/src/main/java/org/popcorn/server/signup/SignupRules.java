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
 * plugin, nor come closer to one than the longer rest the two ask for. Checked at join and again at promotion from the waiting list ({@link SignupService}).
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

    /** An exclusive place the member holds that is in the way: overlapping, or closer than the longer rest of the two. */
    record Clash(SignupPool other, boolean overlap) {

        /** The rule it breaks, as {@code overlap:<pool>} or {@code rest:<pool>}. */
        String rule() {
            return (overlap ? "overlap:" : "rest:") + other.key();
        }
    }

    /**
     * Serialises the member's sign-ups (a lock on their row, in the database) and answers the exclusive place they hold
     * that overlaps this pool's time or sits closer to it than the rest either asks for, or null. Pools are always
     * locked before members, so this cannot deadlock with another join. The query reads the member's places within
     * the longest possible rest around this one; the exact rule (the longer of the two rests) is applied here.
     */
    Clash clash(SignupPool pool, long memberId) {
        if (!pool.exclusive()) {
            return null;
        }
        em.createNativeQuery("select id from member where id = ? for update").setParameter(1, memberId).getResultList();
        java.time.Duration reach = Signups.PoolSpec.MAX_REST;
        List<SignupPool> near = em.createQuery("select q from SignupPlace p, SignupPool q where p.poolKey = q.key and p.memberId = :m"
                        + " and p.status <> :w and q.exclusive = true and q.key <> :k and q.startsAt < :end and q.endsAt > :start"
                        + " order by q.startsAt", SignupPool.class)
                .setParameter("m", memberId).setParameter("w", Status.WAITING).setParameter("k", pool.key())
                .setParameter("start", pool.startsAt().minus(reach)).setParameter("end", pool.endsAt().plus(reach)).getResultList();
        Clash tooClose = null;
        for (SignupPool q : near) {
            if (q.startsAt().isBefore(pool.endsAt()) && q.endsAt().isAfter(pool.startsAt())) {
                return new Clash(q, true); // an overlap outranks a short rest
            }
            java.time.Duration rest = pool.minRest().compareTo(q.minRest()) >= 0 ? pool.minRest() : q.minRest();
            if (tooClose == null && q.startsAt().isBefore(pool.endsAt().plus(rest)) && q.endsAt().plus(rest).isAfter(pool.startsAt())) {
                tooClose = new Clash(q, false);
            }
        }
        return tooClose;
    }

    void requireFreeTime(SignupPool pool, long memberId) {
        Clash c = clash(pool, memberId);
        if (c == null) {
            return;
        }
        if (c.overlap()) {
            throw ProblemException.conflict("This overlaps " + describe(c.other()) + ", which you already hold.", "pool")
                    .withCode("signup.overlap").withRule(c.rule());
        }
        java.time.Duration rest = pool.minRest().compareTo(c.other().minRest()) >= 0 ? pool.minRest() : c.other().minRest();
        throw ProblemException.conflict("This is less than " + restText(rest) + " away from " + describe(c.other())
                        + ", which you already hold; keep that much rest between the two.", "pool")
                .withCode("signup.too-little-rest").withRule(c.rule());
    }

    /** A rest as a person reads it: "45 min", "2 h", "1 h 30 min". */
    static String restText(java.time.Duration rest) {
        long h = rest.toHours();
        long min = rest.toMinutesPart();
        return h == 0 ? min + " min" : min == 0 ? h + " h" : h + " h " + min + " min";
    }

    /**
     * Why a waiting member cannot be promoted now ({@code not-eligible}, {@code overlap:<pool>} or {@code rest:<pool>}),
     * or null.
     */
    String hindrance(SignupPool pool, long memberId) {
        if (unmetRule(pool, memberId) != null) {
            return "not-eligible";
        }
        Clash c = clash(pool, memberId);
        return c == null ? null : c.rule();
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
