package org.popcorn.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;

/** The test kit's {@link Signups}: the host's rules (confirm while it fits and nobody waits; FIFO promotion), in memory. */
final class MemorySignups implements Signups {

    private static final class PoolState {
        int capacity;
        int taken;
        final Map<Long, Place> confirmed = new LinkedHashMap<>();
        final Map<Long, Place> waiting = new LinkedHashMap<>();
    }

    private final Map<String, PoolState> pools = new LinkedHashMap<>();

    @Override
    public synchronized List<Place> setCapacity(String pool, int capacity) {
        if (capacity < 0) {
            throw PluginProblem.invalid("A capacity is 0 or more.", "capacity");
        }
        PoolState p = pools.computeIfAbsent(pool, k -> new PoolState());
        p.capacity = capacity;
        return promote(pool, p);
    }

    @Override
    public synchronized Place join(String pool, long memberId, int partySize) {
        if (partySize < 1) {
            throw PluginProblem.invalid("A party is 1 or more people.", "partySize");
        }
        PoolState p = get(pool);
        Place existing = p.confirmed.containsKey(memberId) ? p.confirmed.get(memberId) : p.waiting.get(memberId);
        if (existing != null && existing.partySize() == partySize) {
            return placeOf(pool, memberId).orElseThrow();
        }
        boolean wasConfirmed = existing != null && existing.status() == Status.CONFIRMED;
        if (existing != null) {
            removeFrom(p, memberId);
        }
        if (p.waiting.isEmpty() && p.taken + partySize <= p.capacity) {
            p.taken += partySize;
            p.confirmed.put(memberId, new Place(pool, memberId, partySize, Status.CONFIRMED, null));
        } else {
            p.waiting.put(memberId, new Place(pool, memberId, partySize, Status.WAITING, null));
        }
        if (wasConfirmed) {
            promote(pool, p);
        }
        return placeOf(pool, memberId).orElseThrow();
    }

    @Override
    public synchronized List<Place> leave(String pool, long memberId) {
        PoolState p = get(pool);
        boolean wasConfirmed = p.confirmed.containsKey(memberId);
        removeFrom(p, memberId);
        return wasConfirmed ? promote(pool, p) : List.of();
    }

    private static void removeFrom(PoolState p, long memberId) {
        Place c = p.confirmed.remove(memberId);
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
            Place confirmed = new Place(pool, head.memberId(), head.partySize(), Status.CONFIRMED, null);
            p.confirmed.put(head.memberId(), confirmed);
            promoted.add(confirmed);
        }
        return promoted;
    }

    @Override
    public synchronized Optional<Place> placeOf(String pool, long memberId) {
        PoolState p = get(pool);
        if (p.confirmed.containsKey(memberId)) {
            return Optional.of(p.confirmed.get(memberId));
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
        if (status == Status.CONFIRMED) {
            all.addAll(p.confirmed.values());
        } else {
            int position = 0;
            for (Place w : p.waiting.values()) {
                all.add(new Place(pool, w.memberId(), w.partySize(), Status.WAITING, ++position));
            }
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
