package org.popcorn.server.signup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.popcorn.api.Signups;
import org.popcorn.api.Signups.Place;
import org.popcorn.api.Signups.Status;
import org.popcorn.server.common.ProblemException;

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

    @Transactional
    public List<SignupPlace> setCapacity(String key, int capacity) {
        if (capacity < 0) {
            throw ProblemException.unprocessable("A capacity is 0 or more.", "capacity");
        }
        SignupPool pool = em.find(SignupPool.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (pool == null) {
            pool = new SignupPool(key, capacity, Instant.now());
            em.persist(pool);
            em.flush();
            return List.of();
        }
        pool.capacity(capacity);
        return promote(pool);
    }

    @Transactional
    public SignupPlace join(String key, long memberId, int partySize) {
        if (partySize < 1) {
            throw ProblemException.unprocessable("A party is 1 or more people.", "partySize");
        }
        SignupPool pool = lock(key);
        SignupPlace existing = em.find(SignupPlace.class, new SignupPlace.Key(key, memberId));
        if (existing != null) {
            if (existing.partySize() == partySize) {
                return existing;
            }
            remove(pool, existing);
            em.flush();
        }
        boolean queueEmpty = waiting(key, 0, 1).isEmpty();
        Status status = queueEmpty && pool.fits(partySize) ? Status.CONFIRMED : Status.WAITING;
        if (status == Status.CONFIRMED) {
            pool.take(partySize);
        }
        SignupPlace place = new SignupPlace(key, memberId, partySize, status, pool.nextSeq(), Instant.now());
        em.persist(place);
        if (existing != null && existing.status() == Status.CONFIRMED) {
            promote(pool);
        }
        LOG.fine(() -> "event=signup.joined pool=" + key + " member=" + memberId + " party=" + partySize + " status=" + status);
        return place;
    }

    @Transactional
    public List<SignupPlace> leave(String key, long memberId) {
        SignupPool pool = lock(key);
        SignupPlace existing = em.find(SignupPlace.class, new SignupPlace.Key(key, memberId));
        if (existing == null) {
            return List.of();
        }
        boolean wasConfirmed = existing.status() == Status.CONFIRMED;
        remove(pool, existing);
        em.flush();
        return wasConfirmed ? promote(pool) : List.of();
    }

    private void remove(SignupPool pool, SignupPlace place) {
        if (place.status() == Status.CONFIRMED) {
            pool.release(place.partySize());
        }
        em.remove(place);
    }

    /** Confirms waiting parties in order while the head of the list fits. */
    private List<SignupPlace> promote(SignupPool pool) {
        List<SignupPlace> promoted = new ArrayList<>();
        for (SignupPlace head : waiting(pool.key(), 0, 1000)) {
            if (!pool.fits(head.partySize())) {
                break;
            }
            pool.take(head.partySize());
            head.confirm(pool.nextSeq());
            promoted.add(head);
        }
        if (!promoted.isEmpty()) {
            LOG.info(() -> "event=signup.promoted pool=" + pool.key() + " count=" + promoted.size());
        }
        return promoted;
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
            throw ProblemException.notFound("No sign-up pool '" + key + "'.");
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
            throw ProblemException.notFound("No sign-up pool '" + key + "'.");
        }
        return pool;
    }

    /** The SDK view of a place. */
    public Place toApi(String pluginPool, SignupPlace p) {
        return new Place(pluginPool, p.memberId(), p.partySize(), p.status(),
                p.status() == Status.WAITING ? positionOf(p) : null);
    }
}
