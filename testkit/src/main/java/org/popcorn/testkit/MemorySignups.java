package org.popcorn.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;

/**
 * The test kit's {@link Signups}: the host's rules (confirm while it fits and nobody waits; FIFO promotion, or
 * time-limited offers), in memory. Offers expire when the test calls {@link PluginTestKit#expireSignupOffers}.
 */
final class MemorySignups implements Signups {

    private static final class PoolState {
        int capacity;
        int taken;
        Duration offerWindow;
        final Map<Long, Place> holding = new LinkedHashMap<>(); // confirmed and offered
        final Map<Long, Place> waiting = new LinkedHashMap<>();
    }

    /** A place the expiry changed: the expired offer and the places offered in its stead. */
    record Expiry(Place expired, List<Place> offered) {
    }

    private final Map<String, PoolState> pools = new LinkedHashMap<>();

    @Override
    public synchronized List<Place> setCapacity(String pool, int capacity) {
        PoolState existing = pools.get(pool);
        return setCapacity(pool, capacity, existing == null ? null : existing.offerWindow);
    }

    @Override
    public synchronized List<Place> setCapacity(String pool, int capacity, Duration offerWindow) {
        if (capacity < 0) {
            throw PluginProblem.invalid("A capacity is 0 or more.", "capacity");
        }
        if (offerWindow != null && offerWindow.compareTo(Duration.ofMinutes(1)) < 0) {
            throw PluginProblem.invalid("An offer lasts at least one minute.", "offerWindow");
        }
        PoolState p = pools.computeIfAbsent(pool, k -> new PoolState());
        p.capacity = capacity;
        p.offerWindow = offerWindow;
        return promote(pool, p);
    }

    @Override
    public synchronized Place join(String pool, long memberId, int partySize) {
        checkParty(partySize);
        PoolState p = get(pool);
        Place existing = p.holding.containsKey(memberId) ? p.holding.get(memberId) : p.waiting.get(memberId);
        if (existing != null && existing.partySize() == partySize) {
            if (existing.status() == Status.OFFERED) {
                return accept(pool, memberId);
            }
            return placeOf(pool, memberId).orElseThrow();
        }
        boolean heldSeats = existing != null && existing.status() != Status.WAITING;
        if (existing != null) {
            removeFrom(p, memberId);
        }
        if (p.waiting.isEmpty() && p.taken + partySize <= p.capacity) {
            p.taken += partySize;
            p.holding.put(memberId, new Place(pool, memberId, partySize, Status.CONFIRMED, null));
        } else {
            p.waiting.put(memberId, new Place(pool, memberId, partySize, Status.WAITING, null));
        }
        if (heldSeats) {
            promote(pool, p);
        }
        return placeOf(pool, memberId).orElseThrow();
    }

    @Override
    public synchronized Optional<Place> joinIfFree(String pool, long memberId, int partySize) {
        checkParty(partySize);
        PoolState p = get(pool);
        Optional<Place> existing = placeOf(pool, memberId);
        if (existing.isPresent()) {
            return existing;
        }
        if (!p.waiting.isEmpty() || p.taken + partySize > p.capacity) {
            return Optional.empty();
        }
        return Optional.of(join(pool, memberId, partySize));
    }

    @Override
    public synchronized Place accept(String pool, long memberId) {
        PoolState p = get(pool);
        Place held = p.holding.get(memberId);
        if (held == null) {
            throw new PluginProblem(409, "There is no offer to accept (it may have expired).", "status");
        }
        Place confirmed = new Place(pool, memberId, held.partySize(), Status.CONFIRMED, null);
        p.holding.put(memberId, confirmed);
        return confirmed;
    }

    @Override
    public synchronized List<Place> leave(String pool, long memberId) {
        PoolState p = get(pool);
        boolean heldSeats = p.holding.containsKey(memberId);
        removeFrom(p, memberId);
        return heldSeats ? promote(pool, p) : List.of();
    }

    /** Expires the offers that ran out by {@code now}, offering their seats on. */
    synchronized List<Expiry> expireOffers(Instant now) {
        List<Expiry> out = new ArrayList<>();
        for (Map.Entry<String, PoolState> e : pools.entrySet()) {
            PoolState p = e.getValue();
            for (Place held : new ArrayList<>(p.holding.values())) {
                if (held.status() == Status.OFFERED && held.offerExpiresAt().isBefore(now)) {
                    removeFrom(p, held.memberId());
                    out.add(new Expiry(held, promote(e.getKey(), p)));
                }
            }
        }
        return out;
    }

    private static void checkParty(int partySize) {
        if (partySize < 1) {
            throw PluginProblem.invalid("A party is 1 or more people.", "partySize");
        }
    }

    private static void removeFrom(PoolState p, long memberId) {
        Place c = p.holding.remove(memberId);
        if (c != null) {
            p.taken -= c.partySize();
        }
        p.waiting.remove(memberId);
    }

    private static List<Place> promote(String pool, PoolState p) {
        List<Place> promoted = new ArrayList<>();
        for (Place head : new ArrayList<>(p.waiting.values())) {
            if (p.taken + head.partySize() > p.capacity) {
                break;
            }
            p.waiting.remove(head.memberId());
            p.taken += head.partySize();
            Place place = p.offerWindow == null
                    ? new Place(pool, head.memberId(), head.partySize(), Status.CONFIRMED, null)
                    : new Place(pool, head.memberId(), head.partySize(), Status.OFFERED, null, Instant.now().plus(p.offerWindow));
            p.holding.put(head.memberId(), place);
            promoted.add(place);
        }
        return promoted;
    }

    @Override
    public synchronized Optional<Place> placeOf(String pool, long memberId) {
        PoolState p = get(pool);
        if (p.holding.containsKey(memberId)) {
            return Optional.of(p.holding.get(memberId));
        }
        int position = 0;
        for (Place w : p.waiting.values()) {
            position++;
            if (w.memberId() == memberId) {
                return Optional.of(new Place(pool, memberId, w.partySize(), Status.WAITING, position));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Pool pool(String pool) {
        PoolState p = get(pool);
        return new Pool(pool, p.capacity, p.taken, p.waiting.size());
    }

    @Override
    public synchronized List<Place> places(String pool, Status status, int page, int size) {
        PoolState p = get(pool);
        List<Place> all = new ArrayList<>();
        if (status == Status.WAITING) {
            int position = 0;
            for (Place w : p.waiting.values()) {
                all.add(new Place(pool, w.memberId(), w.partySize(), Status.WAITING, ++position));
            }
        } else {
            p.holding.values().stream().filter(h -> h.status() == status).forEach(all::add);
        }
        int from = Math.min(all.size(), page * size);
        return all.subList(from, Math.min(all.size(), from + size));
    }

    private PoolState get(String pool) {
        PoolState p = pools.get(pool);
        if (p == null) {
            throw PluginProblem.notFound("No sign-up pool '" + pool + "'.");
        }
        return p;
    }
}
