package org.popcorn.server.plugin;

import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.popcorn.api.Cities;
import org.popcorn.api.CurrentMember;
import org.popcorn.api.Database;
import org.popcorn.api.Events;
import org.popcorn.api.Members;
import org.popcorn.api.Message;
import org.popcorn.api.Notifications;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PopcornSdk;
import org.popcorn.api.Rewards;
import org.popcorn.api.Settings;
import org.popcorn.api.Signups;
import org.popcorn.server.auth.Caller;

/**
 * The host side of {@link PluginContext}: each service delegates to the core through {@link PluginBridge}, a CDI bean
 * that runs core work in the core's own transactions. Plugins never see an EntityManager or a server class.
 */
final class PluginContextImpl implements PluginContext {

    private final String pluginId;
    private final DataSource dataSource;
    private final PluginBridge bridge;
    private final PluginSettingsStore settingsStore;
    private final PluginUnitOfWork units;
    private final Logger log;

    PluginContextImpl(String pluginId, DataSource dataSource, PluginBridge bridge, PluginSettingsStore settingsStore,
                      PluginUnitOfWork units) {
        this.units = units;
        this.pluginId = pluginId;
        this.dataSource = dataSource;
        this.bridge = bridge;
        this.settingsStore = settingsStore;
        this.log = Logger.getLogger("popcorn.plugin." + pluginId);
    }

    @Override
    public String pluginId() {
        return pluginId;
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
                return units.inTransaction(dataSource, "plugin " + pluginId, work);
            }
        };
    }

    @Override
    public Members members() {
        return new Members() {
            @Override
            public Optional<MemberInfo> byId(long memberId) {
                return bridge.memberById(memberId);
            }

            @Override
            public Optional<MemberInfo> byHandle(String handle) {
                return bridge.memberByHandle(handle);
            }

            @Override
            public List<MemberInfo> livingIn(long cityId, int page, int size) {
                return bridge.membersLivingIn(cityId, page, size);
            }
        };
    }

    @Override
    public Signups signups() {
        String prefix = pluginId + ":";
        return new Signups() {
            @Override
            public List<Place> setCapacity(String pool, int capacity) {
                return bridge.setCapacity(prefix, pool, capacity);
            }

            @Override
            public List<Place> setCapacity(String pool, int capacity, java.time.Duration offerWindow) {
                return bridge.setCapacity(prefix, pool, capacity, offerWindow);
            }

            @Override
            public Place join(String pool, long memberId, int partySize) {
                return bridge.join(prefix, pool, memberId, partySize);
            }

            @Override
            public Optional<Place> joinIfFree(String pool, long memberId, int partySize) {
                return bridge.joinIfFree(prefix, pool, memberId, partySize);
            }

            @Override
            public Place accept(String pool, long memberId) {
                return bridge.accept(prefix, pool, memberId);
            }

            @Override
            public List<Place> leave(String pool, long memberId) {
                return bridge.leave(prefix, pool, memberId);
            }

            @Override
            public Optional<Place> placeOf(String pool, long memberId) {
                return bridge.placeOf(prefix, pool, memberId);
            }

            @Override
            public Pool pool(String pool) {
                return bridge.pool(prefix, pool);
            }

            @Override
            public List<Place> places(String pool, Status status, int page, int size) {
                return bridge.places(prefix, pool, status, page, size);
            }

            @Override
            public List<Place> define(String pool, PoolSpec spec) {
                return bridge.define(prefix, pool, spec);
            }

            @Override
            public PoolSpec spec(String pool) {
                return bridge.spec(prefix, pool);
            }

            @Override
            public void close(String pool) {
                bridge.close(prefix, pool);
            }

            @Override
            public List<Place> delete(String pool) {
                return bridge.delete(prefix, pool);
            }

            @Override
            public Map<String, Pool> pools(java.util.Collection<String> pools) {
                return bridge.pools(prefix, pools);
            }

            @Override
            public List<Place> placesOf(long memberId) {
                return bridge.placesOf(prefix, memberId);
            }

            @Override
            public List<Commitment> commitmentsOf(long memberId, java.time.Instant from, java.time.Instant to) {
                return bridge.commitmentsOf(memberId, from, to);
            }
        };
    }

    @Override
    public org.popcorn.api.Qualifications qualifications() {
        return new org.popcorn.api.Qualifications() {
            @Override
            public Qualification grant(long memberId, String code, Long grantedBy, java.time.Instant expiresAt) {
                return bridge.grantQualification(pluginId, memberId, code, grantedBy, expiresAt);
            }

            @Override
            public boolean revoke(long memberId, String code) {
                return bridge.revokeQualification(pluginId, memberId, code);
            }

            @Override
            public Optional<Qualification> of(long memberId, String code) {
                return bridge.qualificationOf(pluginId, memberId, code);
            }

            @Override
            public List<Qualification> heldBy(long memberId) {
                return bridge.qualificationsOf(pluginId, memberId);
            }
        };
    }

    @Override
    public org.popcorn.api.Consents consents() {
        return new org.popcorn.api.Consents() {
            @Override
            public Text publish(String purpose, Map<String, String> text) {
                return bridge.publishConsent(pluginId, purpose, text);
            }

            @Override
            public Optional<Text> current(String purpose) {
                return bridge.currentConsentText(pluginId, purpose);
            }

            @Override
            public Consent record(String subject, String purpose, int version, Long capturedBy) {
                return bridge.recordConsent(pluginId, subject, purpose, version, capturedBy);
            }

            @Override
            public Optional<Consent> standing(String subject, String purpose) {
                return bridge.standingConsent(pluginId, subject, purpose);
            }

            @Override
            public List<Consent> of(String subject) {
                return bridge.consentsOf(pluginId, subject);
            }

            @Override
            public boolean withdraw(String subject, String purpose) {
                return bridge.withdrawConsent(pluginId, subject, purpose);
            }

            @Override
            public int withdrawAll(String subject) {
                return bridge.withdrawAllConsents(pluginId, subject);
            }
        };
    }

    @Override
    public Cities cities() {
        return bridge::cityById;
    }

    @Override
    public Rewards rewards() {
        return new Rewards() {
            @Override
            public boolean awardPoints(long memberId, int amount, String reason, String idempotencyKey) {
                return bridge.awardPoints(pluginId, memberId, amount, reason, idempotencyKey);
            }

            @Override
            public boolean awardPoints(long memberId, int amount, Message reason, String idempotencyKey) {
                return bridge.awardPoints(pluginId, memberId, amount, reason, idempotencyKey);
            }

            @Override
            public void recordActivity(long memberId, String kind, long delta) {
                bridge.recordActivity(memberId, kind, delta);
            }

            @Override
            public boolean awardBadge(long memberId, String badgeCode) {
                return bridge.awardBadge(memberId, badgeCode);
            }

            @Override
            public boolean may(long memberId, String privilegeCode) {
                return bridge.may(memberId, privilegeCode);
            }
        };
    }

    @Override
    public Notifications notifications() {
        return new Notifications() {
            @Override
            public void notify(long memberId, String kind, String title, String body, String link) {
                bridge.notify(pluginId, memberId, kind, title, body, link);
            }

            @Override
            public void notify(long memberId, String kind, Message title, Message body, String link) {
                bridge.notify(pluginId, memberId, kind, title, body, link);
            }
        };
    }

    @Override
    public Events events() {
        return (type, payload) -> bridge.publish(pluginId, type, payload == null ? Map.of() : payload);
    }

    @Override
    public CurrentMember currentMember() {
        return new CurrentMember() {
            Caller caller() {
                return CDI.current().select(Caller.class).get();
            }

            @Override
            public Optional<Long> id() {
                Caller c = caller();
                return c.isAuthenticated() ? Optional.of(c.requireMemberId()) : Optional.empty();
            }

            @Override
            public long require() {
                return caller().requireMemberId();
            }

            @Override
            public boolean isAdmin() {
                return caller().isAdmin();
            }

            @Override
            public boolean organises(long cityId) {
                return caller().mayOrganise(cityId);
            }

            @Override
            public boolean isOrganiser() {
                Caller c = caller();
                return c.isAuthenticated() && (c.isAdmin() || !c.organisedCities().isEmpty());
            }

            @Override
            public boolean may(String privilegeCode) {
                Caller c = caller();
                return c.isAuthenticated() && bridge.may(c.requireMemberId(), privilegeCode);
            }
        };
    }

    @Override
    public Settings settings() {
        return new Settings() {
            @Override
            public String get(String key) {
                return settingsStore.value(pluginId, key);
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
        return log;
    }
}
