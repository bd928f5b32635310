package org.popcorn.server.points;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.popcorn.api.Message;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.popcorn.server.common.Page;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.member.Member;
import org.popcorn.server.notification.NotificationKinds;
import org.popcorn.server.notification.NotificationService;

/**
 * The points ledger. {@link #award} is idempotent: an entry is identified by (member, source, idempotency key), unique in
 * the database, and the member row is locked while awarding so that concurrent awards of one key pay once. The
 * member's {@code points} column is updated in the same transaction, so the balance always equals the ledger's sum.
 */
@ApplicationScoped
public class PointsService {

    private static final Logger LOG = Logger.getLogger(PointsService.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    MetricRegistry metrics;

    @Inject
    NotificationService notifications;

    Clock clock = Clock.systemUTC();

    /** What an award did: the ledger entry, and whether this call created it (false: it existed already). */
    public record Award(PointsEntry entry, boolean created) {
    }

    /**
     * Pays {@code amount} points to a member once per (source, idempotencyKey). Joins the caller's transaction, so the
     * award commits or rolls back with the action it rewards.
     */
    @Transactional
    public Award award(long memberId, int amount, String reason, String source, String idempotencyKey) {
        return award(memberId, amount, reason, null, source, idempotencyKey);
    }

    /** The same with a reason each member reads in their language (from {@code source}'s catalogue). */
    @Transactional
    public Award award(long memberId, int amount, Message reason, String source, String idempotencyKey) {
        return award(memberId, amount, reason.english(), reason, source, idempotencyKey);
    }

    private Award award(long memberId, int amount, String reason, Message said, String source, String idempotencyKey) {
        if (amount == 0) {
            throw ProblemException.unprocessable("amount must not be 0.", "amount").withCode("points.zero-amount");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.unprocessable("Give a reason people will read in their ledger.", "reason").withCode("points.reason-missing");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ProblemException.unprocessable("idempotencyKey is required (1-200 characters).", "idempotencyKey").withCode("points.bad-idempotency-key");
        }
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null || member.isDeleted()) {
            throw ProblemException.notFound("No such member.").withCode("member.not-found");
        }
        List<PointsEntry> existing = em.createQuery("select e from PointsEntry e where e.memberId = :m and e.source = :s "
                        + "and e.idempotencyKey = :k", PointsEntry.class)
                .setParameter("m", memberId).setParameter("s", source).setParameter("k", idempotencyKey)
                .getResultList();
        if (!existing.isEmpty()) {
            return new Award(existing.get(0), false);
        }
        PointsEntry entry = new PointsEntry(memberId, amount, reason.strip(), source, idempotencyKey, Instant.now(clock));
        if (said != null) {
            entry.reasonMessage(said);
        }
        em.persist(entry);
        Levels levels = amount > 0 ? levels() : null;
        LevelDef before = levels == null ? null : levels.levelFor(member.lifetimePoints());
        member.addPoints(amount);
        if (levels != null) {
            LevelDef after = levels.levelFor(member.lifetimePoints());
            if (after.number() > before.number()) { // lifetime points only grow: each level is reached once
                Message level = levelName(after);
                Message reached = Message.of("level-reached.body", "With {points} lifetime points you are now {level} (level {number}).")
                        .with("points", member.lifetimePoints()).with("level", level).with("number", (long) after.number());
                Message next = levels.nextAfter(member.lifetimePoints())
                        .map(n -> Message.of("level-reached.next", " Next: {level} at {points} points.")
                                .with("level", levelName(n)).with("points", n.minPoints()))
                        .orElse(Message.of("level-reached.last", ""));
                notifications.notify(memberId, NotificationKinds.LEVEL_REACHED,
                        Message.of("level-reached.title", "You reached level {number}: {level}").with("number", (long) after.number()).with("level", level),
                        Message.of("level-reached.text", "{reached}{next}").with("reached", reached).with("next", next), "#/me", "core");
                LOG.info(() -> "event=level.reached member=" + memberId + " level=" + after.number());
            }
        }
        metrics.counter("popcorn_points_awarded_total").inc(Math.max(amount, 0));
        LOG.info(() -> "event=points.awarded member=" + memberId + " amount=" + amount + " source=" + source
                + " key=" + idempotencyKey);
        return new Award(entry, true);
    }

    /** A member's ledger, newest first. */
    public Page<PointsEntry> ledger(long memberId, int page, int size) {
        List<PointsEntry> items = em.createQuery("select e from PointsEntry e where e.memberId = :m order by e.id desc",
                        PointsEntry.class)
                .setParameter("m", memberId).setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(e) from PointsEntry e where e.memberId = :m", Long.class)
                .setParameter("m", memberId).getSingleResult();
        return new Page<>(items, page, size, total);
    }

    /** The sum of a member's ledger, recomputed (the balance column must always equal it). */
    public long ledgerSum(long memberId) {
        Long sum = em.createQuery("select sum(e.amount) from PointsEntry e where e.memberId = :m", Long.class)
                .setParameter("m", memberId).getSingleResult();
        return sum == null ? 0 : sum;
    }

    public Levels levels() {
        return new Levels(em.createQuery("select l from LevelDef l", LevelDef.class).getResultList());
    }

    /** A level's name as a message, read in the reader's language from the core's catalogue. */
    private static Message levelName(LevelDef l) {
        return Message.of("level." + l.number() + ".name", l.name());
    }
}
