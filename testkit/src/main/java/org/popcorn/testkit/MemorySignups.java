package org.popcorn.testkit;

import org.popcorn.api.CoreEvents;
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
 * time-limited offers; closed pools, eligibility, and no overlapping exclusive places within the plugin), in memory. Offers
 * expire when the test calls {@link PluginTestKit#expireSignupOffers}. The server's rules are authoritative: the kit
 * cannot see other plugins' places, so cross-plugin overlaps only show on a server.
 */
final class MemorySignups implements Signups {

    private static final class PoolState {
        int capacity;
        int taken;
        Duration offerWindow;
        PoolSpec spec = PoolSpec.capacity(0);
        final Map<Long, Place> holding = new LinkedHashMap<>(); // confirmed and offered
        final Map<Long, Place> waiting = new LinkedHashMap<>();
    }

    /** A place the expiry changed: the expired offer and the places offered in its stead. */
    record Expiry(Place expired, List<Place> offered) {
    }

    /** What eligibility asks the kit about a member. */
    interface Standing {
        int level(long memberId);

        boolean may(long memberId, String privilege);

        boolean qualified(long memberId, String code);
    }

    private final Map<String, PoolState> pools = new LinkedHashMap<>();
    private final Standing standing;
    private final java.util.function.BiConsumer<String, Map<String, Object>> corePublisher;

    private final java.time.Clock clock;

    MemorySignups(Standing standing, java.util.function.BiConsumer<String, Map<String, Object>> corePublisher, java.time.Clock clock) {
        this.standing = standing;
        this.corePublisher = corePublisher;
        this.clock = clock;
    }

    @Override
    public synchronized List<Place> define(String pool, PoolSpec spec) {
        if (spec == null) {
            throw PluginProblem.invalid("A pool needs a set-up.", "spec");
        }
        if ((spec.startsAt() == null) != (spec.endsAt() == null)) {
            throw PluginProblem.invalid("A timed place has both a start and an end.", spec.startsAt() == null ? "startsAt" : "endsAt");
        }
        if (spec.startsAt() != null && !spec.endsAt().isAfter(spec.startsAt())) {
            throw PluginProblem.invalid("A place ends after it starts.", "endsAt");
        }
        if (spec.exclusive() && spec.startsAt() == null) {
            throw PluginProblem.invalid("An exclusive place needs a start and an end.", "startsAt");
        }
        if (spec.minRest() != null && (spec.minRest().isNegative() || spec.minRest().compareTo(PoolSpec.MAX_REST) > 0)) {
            throw PluginProblem.invalid("A rest between places is 0 to 24 hours.", "minRest").withCode("signup.rest-too-long");
        }
        if (spec.minRest() != null && !spec.minRest().isZero() && !spec.exclusive()) {
            throw PluginProblem.invalid("Only an exclusive place can ask for a rest around it.", "minRest").withCode("signup.rest-needs-exclusive");
        }
        List<Place> promoted = setCapacity(pool, spec.capacity(), spec.offerWindow());
        pools.get(pool).spec = spec.eligibility() == null ? spec.withEligibility(Eligibility.ANYONE) : spec;
        return promoted;
    }

    @Override
    public synchronized PoolSpec spec(String pool) {
        PoolState p = get(pool);
        return new PoolSpec(p.capacity, p.offerWindow, p.spec.startsAt(), p.spec.endsAt(), p.spec.zone(), p.spec.exclusive(),
                p.spec.title(), p.spec.eligibility(), p.spec.closed(), p.spec.minRest());
    }

    @Override
    public synchronized void close(String pool) {
        PoolState p = get(pool);
        p.spec = p.spec.withClosed(true);
    }

    @Override
    public synchronized List<Place> delete(String pool) {
        PoolState p = pools.remove(pool);
        if (p == null) {
            return List.of();
        }
        List<Place> held = new ArrayList<>(p.holding.values());
        p.waiting.values().forEach(w -> held.add(new Place(pool, w.memberId(), w.partySize(), Status.WAITING, null)));
        return held;
    }

    @Override
    public synchronized Map<String, Pool> pools(java.util.Collection<String> names) {
        Map<String, Pool> out = new LinkedHashMap<>();
        for (String n : names) {
            if (pools.containsKey(n)) {
                out.put(n, pool(n));
            }
        }
        return out;
    }

    @Override
    public synchronized List<Place> placesOf(long memberId) {
        List<Place> out = new ArrayList<>();
        for (String n : new java.util.TreeSet<>(pools.keySet())) {
            placeOf(n, memberId).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public synchronized List<Commitment> commitmentsOf(long memberId, Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            throw PluginProblem.invalid("A period ends after it starts.", "to");
        }
        List<Commitment> out = new ArrayList<>();
        for (Map.Entry<String, PoolState> e : pools.entrySet()) {
            PoolSpec s = e.getValue().spec;
            if (s.startsAt() != null && s.startsAt().isBefore(to) && s.endsAt().isAfter(from)) {
                placeOf(e.getKey(), memberId).ifPresent(pl -> out.add(new Commitment("", e.getKey(), s.title(), s.startsAt(), s.endsAt(),
                        s.zone() == null ? null : s.zone().getId(), pl.status(), s.exclusive())));
            }
        }
        out.sort(java.util.Comparator.comparing(Commitment::startsAt).thenComparing(Commitment::pool));
        return out;
    }

    private static void requireOpen(PoolState p) {
        if (p.spec.closed()) {
            throw PluginProblem.conflict("Sign-up is closed.", "pool").withCode("signup.closed");
        }
    }

    private String unmetRule(PoolState p, long memberId) {
        Eligibility e = p.spec.eligibility();
        if (e.minLevel() != null && standing.level(memberId) < e.minLevel()) {
            return "min-level:" + e.minLevel();
        }
        if (e.privilege() != null && !standing.may(memberId, e.privilege())) {
            return "privilege:" + e.privilege();
        }
        if (e.qualification() != null && !standing.qualified(memberId, e.qualification())) {
            return "qualification:" + e.qualification();
        }
        return null;
    }

    /**
     * The member's exclusive place in the way, as {@code overlap:<pool>} or {@code rest:<pool>} (closer than the longer
     * rest of the two), or null; an overlap outranks a short rest.
     */
    private String clash(String pool, PoolState p, long memberId) {
        if (!p.spec.exclusive()) {
            return null;
        }
        String tooClose = null;
        for (Map.Entry<String, PoolState> e : pools.entrySet()) {
            PoolSpec s = e.getValue().spec;
            if (e.getKey().equals(pool) || !s.exclusive() || !e.getValue().holding.containsKey(memberId)) {
                continue;
            }
            if (s.startsAt().isBefore(p.spec.endsAt()) && s.endsAt().isAfter(p.spec.startsAt())) {
                return "overlap:" + e.getKey();
            }
            Duration rest = max(rest(p.spec), rest(s));
            if (tooClose == null && s.startsAt().isBefore(p.spec.endsAt().plus(rest)) && s.endsAt().plus(rest).isAfter(p.spec.startsAt())) {
                tooClose = "rest:" + e.getKey();
            }
        }
        return tooClose;
    }

    private static Duration rest(PoolSpec s) {
        return s.minRest() == null ? Duration.ZERO : s.minRest();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void requireMayJoin(String pool, PoolState p, long memberId) {
        requireOpen(p);
        String rule = unmetRule(p, memberId);
        if (rule != null) {
            throw PluginProblem.forbidden("This place needs " + rule + ".").withCode("signup.not-eligible").withRule(rule);
        }
        String clash = clash(pool, p, memberId);
        if (clash == null) {
            return;
        }
        String other = clash.substring(clash.indexOf(':') + 1);
        if (clash.startsWith("overlap:")) {
            throw PluginProblem.conflict("This overlaps " + other + ", which you already hold.", "pool").withCode("signup.overlap")
                    .withRule(clash);
        }
        throw PluginProblem.conflict("This is too close to " + other + ", which you already hold; keep "
                + max(rest(p.spec), rest(pools.get(other).spec)) + " of rest between the two.", "pool")
                .withCode("signup.too-little-rest").withRule(clash);
    }

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
            requireOpen(p);
            removeFrom(p, memberId);
        } else {
            requireMayJoin(pool, p, memberId);
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
        requireOpen(p);
        String rule = unmetRule(p, memberId);
        if (rule != null) {
            throw PluginProblem.forbidden("This place needs " + rule + ".").withCode("signup.not-eligible").withRule(rule);
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

    private List<Place> promote(String pool, PoolState p) {
        List<Place> promoted = new ArrayList<>();
        for (Place head : new ArrayList<>(p.waiting.values())) {
            if (p.taken + head.partySize() > p.capacity) {
                break;
            }
            p.waiting.remove(head.memberId());
            String other = unmetRule(p, head.memberId()) != null ? "" : clash(pool, p, head.memberId());
            if (other != null) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("pool", pool);
                payload.put("memberId", head.memberId());
                payload.put("reason", other.isEmpty() ? "not-eligible" : other.startsWith("overlap:") ? "overlap" : "too-little-rest");
                if (!other.isEmpty()) {
                    payload.put("clash", other.substring(other.indexOf(':') + 1));
                }
                corePublisher.accept(CoreEvents.SIGNUP_SKIPPED, payload);
                continue;
            }
            p.taken += head.partySize();
            Place place = p.offerWindow == null
                    ? new Place(pool, head.memberId(), head.partySize(), Status.CONFIRMED, null)
                    : new Place(pool, head.memberId(), head.partySize(), Status.OFFERED, null, Instant.now(clock).plus(p.offerWindow));
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
