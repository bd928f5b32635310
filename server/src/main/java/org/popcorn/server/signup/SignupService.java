package org.popcorn.server.signup;

import org.popcorn.api.CoreEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.api.Signups;
import org.popcorn.api.Signups.Place;
import org.popcorn.api.Signups.Status;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.event.DomainEvents;

/**
 * Capacity-limited sign-ups with waiting lists (see {@link Signups} for the rules). Every change locks the pool row
 * first, so confirmations never exceed the capacity and the waiting list keeps its order under any concurrency.
 * Pool keys here are already prefixed with the owning plugin's id.
 */
@ApplicationScoped
public class SignupService {

    private static final Logger LOG = Logger.getLogger(SignupService.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    DomainEvents events;

    /** Who may take a place: eligibility and time (overlap) rules. */
    @Inject
    SignupRules rules;

    /** The shortest offer window a pool may have (tests shorten it to see offers expire). */
    @Inject
    @ConfigProperty(name = "popcorn.signups.min-offer-seconds", defaultValue = "60")
    int minOfferSeconds;

    /** Creates a pool or changes its capacity, keeping its offer window. */
    @Transactional
    public List<SignupPlace> setCapacity(String key, int capacity) {
        return configure(key, capacity, false, null);
    }

    /** Creates a pool or changes its capacity and offer window (null: instant promotion). */
    @Transactional
    public List<SignupPlace> setCapacity(String key, int capacity, Duration offerWindow) {
        if (offerWindow != null && offerWindow.toSeconds() < minOfferSeconds) {
            throw ProblemException.unprocessable("An offer lasts at least " + minOfferSeconds + " seconds.", "offerWindow").withCode("signup.offer-too-short");
        }
        return configure(key, capacity, true, offerWindow == null ? null : (int) Math.min(Integer.MAX_VALUE, offerWindow.toSeconds()));
    }

    private List<SignupPlace> configure(String key, int capacity, boolean setWindow, Integer offerSeconds) {
        if (capacity < 0) {
            throw ProblemException.unprocessable("A capacity is 0 or more.", "capacity").withCode("signup.bad-capacity");
        }
        SignupPool pool = em.find(SignupPool.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (pool == null) {
            pool = new SignupPool(key, capacity, Instant.now());
            pool.offerSeconds(offerSeconds);
            em.persist(pool);
            em.flush();
            return List.of();
        }
        pool.capacity(capacity);
        if (setWindow) {
            pool.offerSeconds(offerSeconds);
        }
        return promote(pool);
    }

    /** Creates a pool or changes its whole set-up (see {@link Signups#define}); answers the places promoted. */
    @Transactional
    public List<SignupPlace> define(String key, Signups.PoolSpec spec) {
        if (spec == null) {
            throw ProblemException.unprocessable("A pool needs a set-up.", "spec").withCode("signup.spec-missing");
        }
        if (spec.capacity() < 0) {
            throw ProblemException.unprocessable("A capacity is 0 or more.", "capacity").withCode("signup.bad-capacity");
        }
        if (spec.offerWindow() != null && spec.offerWindow().toSeconds() < minOfferSeconds) {
            throw ProblemException.unprocessable("An offer lasts at least " + minOfferSeconds + " seconds.", "offerWindow").withCode("signup.offer-too-short");
        }
        Integer offerSeconds = spec.offerWindow() == null ? null : (int) Math.min(Integer.MAX_VALUE, spec.offerWindow().toSeconds());
        SignupPool pool = em.find(SignupPool.class, key, LockModeType.PESSIMISTIC_WRITE);
        boolean created = pool == null;
        if (created) {
            pool = new SignupPool(key, spec.capacity(), Instant.now());
        }
        pool.define(spec);
        pool.capacity(spec.capacity());
        pool.offerSeconds(offerSeconds);
        if (created) {
            em.persist(pool);
            em.flush();
            return List.of();
        }
        return promote(pool);
    }

    /** Closes a pool to new joins. */
    @Transactional
    public void close(String key) {
        lock(key).close();
    }

    /** Deletes a pool and its places; answers the places it held. */
    @Transactional
    public List<SignupPlace> delete(String key) {
        SignupPool pool = em.find(SignupPool.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (pool == null) {
            return List.of();
        }
        List<SignupPlace> held = em.createQuery("select p from SignupPlace p where p.poolKey = :k order by p.status, p.seq", SignupPlace.class)
                .setParameter("k", key).getResultList();
        for (SignupPlace p : held) {
            em.remove(p);
        }
        em.flush(); // places go before their pool (EclipseLink does not order the deletes by the foreign key)
        em.remove(pool);
        em.flush();
        LOG.info(() -> "event=signup.pool-deleted pool=" + key + " places=" + held.size());
        return held;
    }

    /** The pools among these keys that exist. */
    public List<SignupPool> pools(java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from SignupPool p where p.key in :k", SignupPool.class).setParameter("k", keys).getResultList();
    }

    /** Waiting parties per pool, for many pools in one query. */
    public Map<String, Long> waitingParties(java.util.Collection<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("select p.poolKey, count(p) from SignupPlace p where p.poolKey in :k and p.status = :w group by p.poolKey",
                Object[].class).setParameter("k", keys).setParameter("w", Status.WAITING).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** A member's places in the pools whose keys start with {@code prefix}, in key order. */
    public List<SignupPlace> placesOf(String prefix, long memberId) {
        return em.createQuery("select p from SignupPlace p where p.memberId = :m and p.poolKey like :k order by p.poolKey", SignupPlace.class)
                .setParameter("m", memberId).setParameter("k", prefix.replace("%", "\\%").replace("_", "\\_") + "%").getResultList();
    }

    /** A member's places in timed pools overlapping [from, to), soonest first, with their pools. */
    public List<Object[]> commitmentsOf(long memberId, Instant from, Instant to) {
        return em.createQuery("select p, q from SignupPlace p, SignupPool q where p.poolKey = q.key and p.memberId = :m"
                        + " and q.startsAt is not null and q.startsAt < :to and q.endsAt > :from order by q.startsAt, q.key", Object[].class)
                .setParameter("m", memberId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    @Transactional
    public SignupPlace join(String key, long memberId, int partySize) {
        if (partySize < 1) {
            throw ProblemException.unprocessable("A party is 1 or more people.", "partySize").withCode("signup.bad-party-size");
        }
        SignupPool pool = lock(key);
        SignupPlace existing = em.find(SignupPlace.class, new SignupPlace.Key(key, memberId));
        if (existing != null) {
            if (existing.partySize() == partySize) {
                if (existing.status() == Status.OFFERED) {
                    existing.confirm(pool.nextSeq());
                }
                return existing;
            }
            SignupRules.requireOpen(pool);
            remove(pool, existing);
            em.flush();
        } else {
            SignupRules.requireOpen(pool);
            rules.requireEligible(pool, memberId);
            rules.requireFreeTime(pool, memberId);
        }
        // The queue is read only when the party fits: in a rush for a full pool nobody pays for reading the line.
        Status status = pool.fits(partySize) && waiting(key, 0, 1).isEmpty() ? Status.CONFIRMED : Status.WAITING;
        if (status == Status.CONFIRMED) {
            pool.take(partySize);
        }
        SignupPlace place = new SignupPlace(key, memberId, partySize, status, pool.nextSeq(), Instant.now());
        em.persist(place);
        if (existing != null && existing.status() != Status.WAITING) {
            promote(pool);
        }
        LOG.fine(() -> "event=signup.joined pool=" + key + " member=" + memberId + " party=" + partySize + " status=" + status);
        return place;
    }

    /** Joins only when confirmed at once; otherwise nothing changes. A member already in the pool keeps their place. */
    @Transactional
    public Optional<SignupPlace> joinIfFree(String key, long memberId, int partySize) {
        if (partySize < 1) {
            throw ProblemException.unprocessable("A party is 1 or more people.", "partySize").withCode("signup.bad-party-size");
        }
        SignupPool pool = lock(key);
        SignupPlace existing = em.find(SignupPlace.class, new SignupPlace.Key(key, memberId));
        if (existing != null) {
            return Optional.of(existing);
        }
        SignupRules.requireOpen(pool);
        rules.requireEligible(pool, memberId);
        if (!pool.fits(partySize) || !waiting(key, 0, 1).isEmpty()) {
            return Optional.empty();
        }
        rules.requireFreeTime(pool, memberId);
        pool.take(partySize);
        SignupPlace place = new SignupPlace(key, memberId, partySize, Status.CONFIRMED, pool.nextSeq(), Instant.now());
        em.persist(place);
        return Optional.of(place);
    }

    /** Turns the member's offer into a confirmed place. */
    @Transactional
    public SignupPlace accept(String key, long memberId) {
        SignupPool pool = lock(key);
        SignupPlace place = em.find(SignupPlace.class, new SignupPlace.Key(key, memberId));
        if (place == null || place.status() == Status.WAITING) {
            throw ProblemException.conflict("There is no offer to accept (it may have expired).", "status").withCode("signup.no-offer");
        }
        if (place.status() == Status.OFFERED) {
            place.confirm(pool.nextSeq());
        }
        return place;
    }

    /** Offers whose time ran out (oldest first), as (pool, member) keys for {@link #expire}. */
    @Transactional
    public List<SignupPlace.Key> expiredOffers(Instant now, int max) {
        return em.createQuery("select p from SignupPlace p where p.status = :o and p.offerExpiresAt < :now order by p.offerExpiresAt",
                        SignupPlace.class)
                .setParameter("o", Status.OFFERED).setParameter("now", now).setMaxResults(max).getResultList()
                .stream().map(p -> new SignupPlace.Key(p.poolKey(), p.memberId())).toList();
    }

    /**
     * Removes one expired offer under the pool's lock (re-checked: it may have been accepted meanwhile) and offers the
     * seats on; the changes are published as {@code signup.offer-expired} and {@code signup.offered} events.
     */
    @Transactional
    public void expire(SignupPlace.Key key, Instant now) {
        SignupPool pool = lock(key.poolKey);
        SignupPlace place = em.find(SignupPlace.class, key);
        if (place == null || place.status() != Status.OFFERED || !place.offerExpiresAt().isBefore(now)) {
            return;
        }
        remove(pool, place);
        em.flush();
        publish(CoreEvents.SIGNUP_OFFER_EXPIRED, place);
        for (SignupPlace next : promote(pool)) {
            publish(next.status() == Status.OFFERED ? CoreEvents.SIGNUP_OFFERED : CoreEvents.SIGNUP_CONFIRMED, next);
        }
        LOG.info(() -> "event=signup.offer-expired pool=" + key.poolKey + " member=" + key.memberId);
    }

    private void publish(String type, SignupPlace place) {
        int colon = place.poolKey().indexOf(':');
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("plugin", colon < 0 ? "" : place.poolKey().substring(0, colon));
        payload.put("pool", place.poolKey().substring(colon + 1));
        payload.put("memberId", place.memberId());
        if (place.offerExpiresAt() != null) {
            payload.put("expiresAt", place.offerExpiresAt().toString());
        }
        events.publish(type, "core", payload);
    }

    @Transactional
    public List<SignupPlace> leave(String key, long memberId) {
        SignupPool pool = lock(key);
        SignupPlace existing = em.find(SignupPlace.class, new SignupPlace.Key(key, memberId));
        if (existing == null) {
            return List.of();
        }
        boolean heldSeats = existing.status() != Status.WAITING;
        remove(pool, existing);
        em.flush();
        return heldSeats ? promote(pool) : List.of();
    }

    /**
     * Gives up every place a member holds in a pool that has not ended, in every plugin (an account being deleted):
     * each pool's waiting list moves up, and those promoted are told through {@code signup.confirmed} / {@code signup.offered}
     * events, as when an offer expires. Pools are locked in key order, so two such releases cannot deadlock.
     * Joins the caller's transaction. Places in ended pools stay, as the record of what happened (the member is then
     * an anonymous former member).
     *
     * @return how many places were given up
     */
    @Transactional
    public int releaseAllOf(long memberId) {
        // a place in a pool that has ended is history (who staffed a past slot, counted in its reports), not a commitment
        List<String> keys = em.createQuery("select p.poolKey from SignupPlace p, SignupPool s where s.key = p.poolKey and p.memberId = :m"
                + " and (s.endsAt is null or s.endsAt > :now) order by p.poolKey", String.class)
                .setParameter("m", memberId).setParameter("now", Instant.now()).getResultList();
        for (String key : keys) {
            for (SignupPlace next : leave(key, memberId)) {
                publish(next.status() == Status.OFFERED ? CoreEvents.SIGNUP_OFFERED : CoreEvents.SIGNUP_CONFIRMED, next);
            }
        }
        if (!keys.isEmpty()) {
            LOG.info(() -> "event=signup.released-all member=" + memberId + " places=" + keys.size());
        }
        return keys.size();
    }

    private void remove(SignupPool pool, SignupPlace place) {
        if (place.status() != Status.WAITING) {
            pool.release(place.partySize());
        }
        em.remove(place);
    }

    /** Confirms (or offers seats to) waiting parties in order while the head of the list fits. */
    private List<SignupPlace> promote(SignupPool pool) {
        List<SignupPlace> promoted = new ArrayList<>();
        Instant until = pool.offerSeconds() == null ? null : Instant.now().plusSeconds(pool.offerSeconds());
        for (SignupPlace head : waiting(pool.key(), 0, 1000)) {
            if (!pool.fits(head.partySize())) {
                break;
            }
            String skipped = rules.hindrance(pool, head.memberId());
            if (skipped != null) {
                em.remove(head);
                publishSkipped(head, skipped);
                continue;
            }
            pool.take(head.partySize());
            if (until == null) {
                head.confirm(pool.nextSeq());
            } else {
                head.offer(until);
            }
            promoted.add(head);
        }
        if (!promoted.isEmpty()) {
            LOG.info(() -> "event=signup.promoted pool=" + pool.key() + " count=" + promoted.size());
        }
        return promoted;
    }

    private void publishSkipped(SignupPlace place, String why) {
        Map<String, Object> payload = new LinkedHashMap<>();
        String key = place.poolKey();
        payload.put("plugin", SignupRules.pluginOf(key));
        payload.put("pool", key.substring(key.indexOf(':') + 1));
        payload.put("memberId", place.memberId());
        boolean overlap = why.startsWith("overlap:");
        boolean rest = why.startsWith("rest:");
        payload.put("reason", overlap ? "overlap" : rest ? "too-little-rest" : why);
        if (overlap || rest) {
            SignupPool other = em.find(SignupPool.class, why.substring(why.indexOf(':') + 1));
            payload.put("clash", other == null ? "" : SignupRules.describe(other));
        }
        events.publish(CoreEvents.SIGNUP_SKIPPED, "core", payload);
        LOG.info(() -> "event=signup.skipped pool=" + key + " member=" + place.memberId() + " reason=" + why);
    }

    public Optional<SignupPlace> placeOf(String key, long memberId) {
        return Optional.ofNullable(em.find(SignupPlace.class, new SignupPlace.Key(key, memberId)));
    }

    /** The 1-based position of a waiting place. */
    public int positionOf(SignupPlace place) {
        return em.createQuery("select count(p) from SignupPlace p where p.poolKey = :k and p.status = :w and p.seq <= :s", Long.class)
                .setParameter("k", place.poolKey()).setParameter("w", Status.WAITING).setParameter("s", place.seq())
                .getSingleResult().intValue();
    }

    public SignupPool pool(String key) {
        SignupPool pool = em.find(SignupPool.class, key);
        if (pool == null) {
            throw ProblemException.notFound("No sign-up pool '" + key + "'.").withCode("signup.pool-not-found");
        }
        return pool;
    }

    public long waitingParties(String key) {
        return em.createQuery("select count(p) from SignupPlace p where p.poolKey = :k and p.status = :w", Long.class)
                .setParameter("k", key).setParameter("w", Status.WAITING).getSingleResult();
    }

    public List<SignupPlace> places(String key, Status status, int page, int size) {
        return em.createQuery("select p from SignupPlace p where p.poolKey = :k and p.status = :s order by p.seq", SignupPlace.class)
                .setParameter("k", key).setParameter("s", status).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    private List<SignupPlace> waiting(String key, int page, int size) {
        return places(key, Status.WAITING, page, size);
    }

    private SignupPool lock(String key) {
        SignupPool pool = em.find(SignupPool.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (pool == null) {
            throw ProblemException.notFound("No sign-up pool '" + key + "'.").withCode("signup.pool-not-found");
        }
        return pool;
    }

    /** The SDK view of a place. */
    public Place toApi(String pluginPool, SignupPlace p) {
        return new Place(pluginPool, p.memberId(), p.partySize(), p.status(),
                p.status() == Status.WAITING ? positionOf(p) : null, p.offerExpiresAt());
    }
}
