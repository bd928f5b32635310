package org.popcorn.testkit;

import org.popcorn.api.CoreEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.popcorn.api.Cities;
import org.popcorn.api.CurrentMember;
import org.popcorn.api.Database;
import org.popcorn.api.Events;
import org.popcorn.api.Members;
import org.popcorn.api.Notifications;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.PopcornEvent;
import org.popcorn.api.PopcornExtension;
import org.popcorn.api.PopcornSdk;
import org.popcorn.api.Rewards;
import org.popcorn.api.SettingDefinition;
import org.popcorn.api.Settings;

/**
 * Runs a plugin without a server: a fresh in-memory H2 database on which the plugin's migrations
 * ({@code db/plugin-<id>} on the test classpath) run as on the server, and in-memory host services that record what
 * the plugin did (points, badges, notifications, events) so tests can assert on it.
 *
 * <pre>{@code
 * PluginTestKit kit = PluginTestKit.start("feedback", new FeedbackExtension());
 * long ada = kit.addMember("ada");
 * kit.actAs(ada);
 * FeedbackExtension.Api api = (FeedbackExtension.Api) kit.extension().restResource();
 * api.create(...);
 * assertEquals(1, kit.notifications().size());
 * }</pre>
 */
public final class PluginTestKit {

    /** A points award the plugin made. */
    public record PointsAward(long memberId, int amount, String reason, String idempotencyKey) {
    }

    /** A notification the plugin sent. */
    public record SentNotification(long memberId, String kind, String title, String body, String link) {
    }

    /** An event the plugin published. */
    public record PublishedEvent(String type, Map<String, Object> payload) {
    }

    private static final AtomicLong DB_COUNTER = new AtomicLong();

    private final String pluginId;
    private final PopcornExtension extension;
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Map<Long, Members.MemberInfo> members = new ConcurrentHashMap<>();
    private final Map<Long, Cities.CityInfo> cities = new ConcurrentHashMap<>();
    private final Map<String, PointsAward> points = new LinkedHashMap<>();
    private final List<String> badges = new ArrayList<>();
    private final Map<String, Long> activity = new ConcurrentHashMap<>();
    private final List<SentNotification> notifications = new ArrayList<>();
    private final List<PublishedEvent> events = new ArrayList<>();
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final Set<Long> admins = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<Long>> organisers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final Map<Long, Set<String>> privileges = new ConcurrentHashMap<>();
    private final KitClock clock = new KitClock();
    private final MemoryConsents consents = new MemoryConsents(clock);
    private final Map<String, Instant> qualifications = new ConcurrentHashMap<>(); // "memberId:code" -> expiry (MAX: never)
    private final MemorySignups signups = new MemorySignups(new MemorySignups.Standing() {
        @Override
        public int level(long memberId) {
            Members.MemberInfo m = members.get(memberId);
            return m == null ? 1 : m.level();
        }

        @Override
        public boolean may(long memberId, String privilege) {
            return mayPrivilege(memberId, privilege);
        }

        @Override
        public boolean qualified(long memberId, String code) {
            Instant until = qualifications.get(memberId + ":" + code);
            return until != null && until.isAfter(Instant.now(clock));
        }
    }, (type, payload) -> {
        Map<String, Object> p = new LinkedHashMap<>(payload);
        p.put("plugin", pluginIdForEvents());
        deliver(type, p);
    }, clock);
    private volatile Long currentMember;

    private PluginTestKit(String pluginId, PopcornExtension extension) {
        this.pluginId = pluginId;
        this.extension = extension;
        dataSource.setURL("jdbc:h2:mem:testkit-" + pluginId + "-" + DB_COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
    }

    private String pluginIdForEvents() {
        return pluginId;
    }

    /** Gives a member one of the plugin's qualifications (for good), as an organiser would. */
    public void grantQualification(long memberId, String code) {
        qualifications.put(memberId + ":" + code, Instant.MAX);
    }

    /** The kit's time, as the plugin reads it through {@code ctx.clock()}: the real time until a test moves it. */
    public Instant now() {
        return clock.instant();
    }

    /** Moves the plugin's time (and the kit's: offers, consents, qualifications) forward or back by {@code d}. */
    public void advance(java.time.Duration d) {
        clock.set(clock.instant().plus(d));
    }

    /** Sets the plugin's time. */
    public void setNow(Instant now) {
        clock.set(now);
    }

    /** Migrates a fresh database with the plugin's migrations and starts the extension with the kit's context. */
    public static PluginTestKit start(String pluginId, PopcornExtension extension) {
        PluginTestKit kit = new PluginTestKit(pluginId, extension);
        kit.migrate();
        for (SettingDefinition d : extension.settings()) {
            kit.settings.putIfAbsent(d.key(), d.defaultValue());
        }
        extension.start(kit.context());
        return kit;
    }

    private void migrate() {
        String prefix = pluginId.replace('-', '_');
        Flyway.configure(extension.getClass().getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/plugin-" + pluginId).table("flyway_history_" + prefix)
                .failOnMissingLocations(false).load().migrate();
    }

    /** The plugin under test. */
    public PopcornExtension extension() {
        return extension;
    }

    /** Adds a member (level 1, no points); answers its id. */
    public long addMember(String handle) {
        return addMember(handle, 1, null);
    }

    /** Adds a member at a level with a home city; answers its id. */
    public long addMember(String handle, int level, Long homeCityId) {
        long id = ids.getAndIncrement();
        members.put(id, new Members.MemberInfo(id, handle, handle, homeCityId, level, 0, true));
        return id;
    }

    /** Adds a city; answers its id. */
    public long addCity(String name, String countryCode, String timeZone) {
        long id = ids.getAndIncrement();
        cities.put(id, new Cities.CityInfo(id, name, countryCode, timeZone, 0, 0, false));
        return id;
    }

    /** Makes a member an admin. */
    public void makeAdmin(long memberId) {
        admins.add(memberId);
    }

    /** Makes a member an organiser of a city. */
    public void makeOrganiser(long memberId, long cityId) {
        organisers.computeIfAbsent(memberId, k -> ConcurrentHashMap.newKeySet()).add(cityId);
    }

    /**
     * "May this member …?" as the server answers it: an admin may everything; otherwise a grant, or the member's level
     * reaching the minimum level of a privilege the plugin declares ({@link PopcornExtension#privileges()}).
     */
    private boolean mayPrivilege(long memberId, String code) {
        if (admins.contains(memberId) || privileges.getOrDefault(memberId, Set.of()).contains(code)) {
            return true;
        }
        Members.MemberInfo m = members.get(memberId);
        return m != null && extension.privileges().stream()
                .anyMatch(d -> d.code().equals(code) && d.minLevel() != null && m.level() >= d.minLevel());
    }

    /** Gives a member a privilege (e.g. {@code priority-rsvp}), as reaching its level or an admin's grant would. */
    public void grantPrivilege(long memberId, String privilegeCode) {
        privileges.computeIfAbsent(memberId, k -> ConcurrentHashMap.newKeySet()).add(privilegeCode);
    }

    /** The member making the "current request" (null: anonymous). */
    public void actAs(Long memberId) {
        this.currentMember = memberId;
    }

    /** Changes a setting as an admin would. */
    public void setSetting(String key, String value) {
        settings.put(key, value);
    }

    /**
     * Delivers an event to the plugin as the host would after a commit. A core event's payload must have exactly the
     * fields {@link CoreEvents} lists for it, as the server's have (an {@link IllegalArgumentException} says which not).
     */
    public void deliver(String type, Map<String, Object> payload) {
        CoreEvents.find(type).ifPresent(t -> t.check(payload));
        extension.onEvent(new PopcornEvent(ids.getAndIncrement(), type, "core", Map.copyOf(payload), Instant.now(clock)));
    }

    /**
     * Expires the sign-up offers that ran out by {@code now} and delivers {@code signup.offer-expired} and
     * {@code signup.offered} (or {@code signup.confirmed}) events to the plugin, as the host's sweeper does.
     */
    public void expireSignupOffers(Instant now) {
        for (MemorySignups.Expiry x : signups.expireOffers(now)) {
            deliver(CoreEvents.SIGNUP_OFFER_EXPIRED, Map.of("plugin", pluginId, "pool", x.expired().pool(), "memberId", x.expired().memberId()));
            for (org.popcorn.api.Signups.Place next : x.offered()) {
                if (next.offerExpiresAt() != null) {
                    deliver(CoreEvents.SIGNUP_OFFERED, Map.of("plugin", pluginId, "pool", next.pool(), "memberId", next.memberId(),
                            "expiresAt", next.offerExpiresAt().toString()));
                } else {
                    deliver(CoreEvents.SIGNUP_CONFIRMED, Map.of("plugin", pluginId, "pool", next.pool(), "memberId", next.memberId()));
                }
            }
        }
    }

    /** Calls the plugin's {@link PopcornExtension#onSchedule} as the host's scheduler would. */
    public void runSchedule(Instant now) {
        extension.onSchedule(now);
    }

    /** Points paid, once per (member, key). */
    public synchronized List<PointsAward> points() {
        return new ArrayList<>(points.values());
    }

    /** Notifications sent. */
    public synchronized List<SentNotification> notifications() {
        return new ArrayList<>(notifications);
    }

    /** Events published. */
    public synchronized List<PublishedEvent> events() {
        return new ArrayList<>(events);
    }

    /** Badges awarded, as "memberId:code". */
    public synchronized List<String> badges() {
        return new ArrayList<>(badges);
    }

    /** A member's activity counter of one kind. */
    public long activity(long memberId, String kind) {
        return activity.getOrDefault(memberId + ":" + kind, 0L);
    }

    /**
     * The number a one-value query answers, e.g. {@code kit.count("select count(*) from quiz_answer")}: for tests that
     * check what the plugin's tables hold. Since 0.2.0.
     */
    public long count(String sql) {
        return sql(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The plugin's database, for assertions. */
    public <T> T sql(Database.Work<T> work) {
        return context().database().inTransaction(work);
    }

    /** The context handed to the plugin. */
    public PluginContext context() {
        PluginTestKit kit = this;
        return new PluginContext() {
            @Override
            public String pluginId() {
                return pluginId;
            }

            @Override
            public java.time.Clock clock() {
                return clock;
            }

            @Override
            public String sdkVersion() {
                return PopcornSdk.VERSION;
            }

            @Override
            public Database database() {
                return new Database() {
                    @Override
                    public <T> T inTransaction(Work<T> work) {
                        return Database.run(dataSource, "plugin " + pluginId + " (test kit)", work);
                    }
                };
            }

            @Override
            public org.popcorn.api.Signups signups() {
                return signups;
            }

            @Override
            public org.popcorn.api.Qualifications qualifications() {
                return new org.popcorn.api.Qualifications() {
                    @Override
                    public Qualification grant(long memberId, String code, Long grantedBy, Instant expiresAt) {
                        if (expiresAt != null && !expiresAt.isAfter(Instant.now(clock))) {
                            throw org.popcorn.api.PluginProblem.invalid("A qualification expires in the future.", "expiresAt");
                        }
                        qualifications.put(memberId + ":" + code, expiresAt == null ? Instant.MAX : expiresAt);
                        return new Qualification(code, memberId, grantedBy, Instant.now(clock), expiresAt);
                    }

                    @Override
                    public boolean revoke(long memberId, String code) {
                        return qualifications.remove(memberId + ":" + code) != null;
                    }

                    @Override
                    public Optional<Qualification> of(long memberId, String code) {
                        Instant until = qualifications.get(memberId + ":" + code);
                        return until == null || !until.isAfter(Instant.now(clock)) ? Optional.empty()
                                : Optional.of(new Qualification(code, memberId, null, null, until == Instant.MAX ? null : until));
                    }

                    @Override
                    public List<Qualification> heldBy(long memberId) {
                        List<Qualification> out = new ArrayList<>();
                        for (String k : new java.util.TreeSet<>(qualifications.keySet())) {
                            if (k.startsWith(memberId + ":")) {
                                of(memberId, k.substring(k.indexOf(':') + 1)).ifPresent(out::add);
                            }
                        }
                        return out;
                    }
                };
            }

            @Override
            public org.popcorn.api.Consents consents() {
                return consents;
            }

            @Override
            public Members members() {
                return new Members() {
                    @Override
                    public Optional<MemberInfo> byId(long id) {
                        return Optional.ofNullable(members.get(id));
                    }

                    @Override
                    public Optional<MemberInfo> byHandle(String handle) {
                        return members.values().stream().filter(m -> m.handle().equalsIgnoreCase(handle)).findFirst();
                    }

                    @Override
                    public List<MemberInfo> livingIn(long cityId, int page, int size) {
                        return members.values().stream().filter(m -> m.homeCityId() != null && m.homeCityId() == cityId)
                                .sorted(java.util.Comparator.comparingLong(MemberInfo::lifetimePoints).reversed()
                                        .thenComparingLong(MemberInfo::id))
                                .skip((long) page * size).limit(size).toList();
                    }
                };
            }

            @Override
            public Cities cities() {
                return id -> Optional.ofNullable(cities.get(id));
            }

            @Override
            public Rewards rewards() {
                return new Rewards() {
                    @Override
                    public boolean awardPoints(long memberId, int amount, String reason, String key) {
                        synchronized (kit) {
                            return points.putIfAbsent(memberId + ":" + key, new PointsAward(memberId, amount, reason, key)) == null;
                        }
                    }

                    @Override
                    public void recordActivity(long memberId, String kind, long delta) {
                        activity.merge(memberId + ":" + kind, delta, Long::sum);
                    }

                    @Override
                    public boolean awardBadge(long memberId, String code) {
                        synchronized (kit) {
                            String b = memberId + ":" + code;
                            return !badges.contains(b) && badges.add(b);
                        }
                    }

                    @Override
                    public boolean may(long memberId, String privilegeCode) {
                        return mayPrivilege(memberId, privilegeCode);
                    }
                };
            }

            @Override
            public Notifications notifications() {
                return (memberId, kind, title, body, link) -> {
                    synchronized (kit) {
                        notifications.add(new SentNotification(memberId, kind, title, body, link));
                    }
                };
            }

            @Override
            public Events events() {
                return (type, payload) -> {
                    synchronized (kit) {
                        events.add(new PublishedEvent(type, payload));
                    }
                };
            }

            @Override
            public CurrentMember currentMember() {
                return new CurrentMember() {
                    @Override
                    public Optional<Long> id() {
                        return Optional.ofNullable(currentMember);
                    }

                    @Override
                    public long require() {
                        if (currentMember == null) {
                            throw new PluginProblem(401, "Log in first.", null);
                        }
                        return currentMember;
                    }

                    @Override
                    public boolean isAdmin() {
                        return currentMember != null && admins.contains(currentMember);
                    }

                    @Override
                    public boolean organises(long cityId) {
                        return isAdmin() || currentMember != null && organisers.getOrDefault(currentMember, Set.of()).contains(cityId);
                    }

                    @Override
                    public boolean isOrganiser() {
                        return isAdmin() || currentMember != null && !organisers.getOrDefault(currentMember, Set.of()).isEmpty();
                    }

                    @Override
                    public boolean may(String privilegeCode) {
                        return isAdmin() || currentMember != null && mayPrivilege(currentMember, privilegeCode);
                    }
                };
            }

            @Override
            public Settings settings() {
                return new Settings() {
                    @Override
                    public String get(String key) {
                        String v = settings.get(key);
                        if (v == null) {
                            throw new IllegalArgumentException("no setting " + key);
                        }
                        return v;
                    }

                    @Override
                    public long getLong(String key) {
                        return Long.parseLong(get(key));
                    }

                    @Override
                    public boolean getBoolean(String key) {
                        return Boolean.parseBoolean(get(key));
                    }
                };
            }

            @Override
            public Logger log() {
                return Logger.getLogger("popcorn.plugin." + pluginId);
            }
        };
    }
}
