package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.popcorn.api.Cities;
import org.popcorn.api.Members;
import org.popcorn.api.Signups;
import org.popcorn.server.city.City;
import org.popcorn.server.city.CityService;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.event.DomainEvents;
import org.popcorn.server.member.Member;
import org.popcorn.server.member.MemberService;
import org.popcorn.server.notification.NotificationService;
import org.popcorn.server.points.PointsService;
import org.popcorn.server.points.RewardsService;

/** Core operations offered to plugins, each in its own core transaction, translated to SDK types. */
@ApplicationScoped
public class PluginBridge {

    // Every method runs in a transaction, reads too: plugins call them from requests, from event delivery and from
    // onSchedule, and on the managed scheduler's threads JPA has no EntityManager outside a transaction.

    @Inject
    MemberService members;

    @Inject
    CityService cities;

    @Inject
    PointsService points;

    @Inject
    RewardsService rewards;

    @Inject
    NotificationService notifications;

    @Inject
    DomainEvents events;

    @Inject
    org.popcorn.server.signup.SignupService signups;

    @Inject
    org.popcorn.server.qualification.QualificationService qualifications;

    @Transactional
    public Optional<Members.MemberInfo> memberById(long id) {
        try {
            Member m = members.get(id);
            return m.isDeleted() ? Optional.empty() : Optional.of(info(m));
        } catch (ProblemException notFound) {
            return Optional.empty();
        }
    }

    @Transactional
    public List<Members.MemberInfo> membersLivingIn(long cityId, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new org.popcorn.api.PluginProblem(422, "page is 0 or more and size 1 to 500.", "size").withCode("request.bad-parameter");
        }
        return members.livingIn(cityId, page, size).stream().map(this::info).toList();
    }

    @Transactional
    public Optional<Members.MemberInfo> memberByHandle(String handle) {
        return members.findByHandle(handle).filter(m -> !m.isDeleted()).map(this::info);
    }

    Members.MemberInfo info(Member m) {
        return new Members.MemberInfo(m.id(), m.handle(), m.displayName(), m.homeCityId(),
                points.levels().levelFor(m.lifetimePoints()).number(), m.lifetimePoints(), m.attendanceVisible());
    }

    @Transactional
    public Optional<Cities.CityInfo> cityById(long id) {
        try {
            City c = cities.get(id);
            return Optional.of(new Cities.CityInfo(c.id(), cities.displayName(c), c.countryCode(), c.zone().getId(), c.latitude(),
                    c.longitude(), c.retired()));
        } catch (ProblemException notFound) {
            return Optional.empty();
        }
    }

    @Transactional
    public boolean awardPoints(String pluginId, long memberId, int amount, String reason, String key) {
        return points.award(memberId, amount, reason, pluginId, key).created();
    }

    @Transactional
    public boolean awardPoints(String pluginId, long memberId, int amount, org.popcorn.api.Message reason, String key) {
        return points.award(memberId, amount, reason, pluginId, key).created();
    }

    @Transactional
    public void recordActivity(long memberId, String kind, long delta) {
        rewards.recordActivity(memberId, kind, delta);
    }

    @Transactional
    public boolean awardBadge(long memberId, String code) {
        return rewards.awardBadge(memberId, code);
    }

    @Transactional
    public boolean may(long memberId, String privilege) {
        Member m = members.get(memberId);
        return rewards.may(memberId, m.lifetimePoints(), privilege);
    }

    @Transactional
    public void notify(String pluginId, long memberId, String kind, String title, String body, String link) {
        notifications.notify(memberId, kind, title, body, link, pluginId);
    }

    @Transactional
    public void notify(String pluginId, long memberId, String kind, org.popcorn.api.Message title, org.popcorn.api.Message body, String link) {
        notifications.notify(memberId, kind, title, body, link, pluginId);
    }

    @Transactional
    public void publish(String pluginId, String type, Map<String, Object> payload) {
        events.publish(type, pluginId, payload);
    }

    // ---- sign-ups: each call is one core transaction under the pool's lock ----

    @Transactional
    public List<Signups.Place> setCapacity(String prefix, String pool, int capacity) {
        try {
            return signups.setCapacity(prefix + pool, capacity).stream().map(p -> signups.toApi(pool, p)).toList();
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional
    public List<Signups.Place> setCapacity(String prefix, String pool, int capacity, java.time.Duration offerWindow) {
        try {
            return signups.setCapacity(prefix + pool, capacity, offerWindow).stream().map(p -> signups.toApi(pool, p)).toList();
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional
    public Optional<Signups.Place> joinIfFree(String prefix, String pool, long memberId, int partySize) {
        try {
            return signups.joinIfFree(prefix + pool, memberId, partySize).map(p -> signups.toApi(pool, p));
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional
    public Signups.Place accept(String prefix, String pool, long memberId) {
        try {
            return signups.toApi(pool, signups.accept(prefix + pool, memberId));
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional
    public Signups.Place join(String prefix, String pool, long memberId, int partySize) {
        try {
            return signups.toApi(pool, signups.join(prefix + pool, memberId, partySize));
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    /** The core's problems as the SDK's, so plugin code can catch them. */
    static org.popcorn.api.PluginProblem sdk(ProblemException e) {
        return new org.popcorn.api.PluginProblem(e.status(), e.getMessage(), e.field()).withCode(e.code()).withRule(e.rule());
    }

    @Transactional
    public List<Signups.Place> leave(String prefix, String pool, long memberId) {
        return signups.leave(prefix + pool, memberId).stream().map(p -> signups.toApi(pool, p)).toList();
    }

    @Transactional
    public Optional<Signups.Place> placeOf(String prefix, String pool, long memberId) {
        return signups.placeOf(prefix + pool, memberId).map(p -> signups.toApi(pool, p));
    }

    @Transactional(dontRollbackOn = org.popcorn.api.PluginProblem.class)
    public Signups.Pool pool(String prefix, String pool) {
        org.popcorn.server.signup.SignupPool p;
        try {
            p = signups.pool(prefix + pool);
        } catch (ProblemException e) {
            throw sdk(e);
        }
        return new Signups.Pool(pool, p.capacity(), p.taken(), (int) signups.waitingParties(prefix + pool));
    }

    @Transactional
    public List<Signups.Place> places(String prefix, String pool, Signups.Status status, int page, int size) {
        return signups.places(prefix + pool, status, page, size).stream().map(p -> signups.toApi(pool, p)).toList();
    }

    @Transactional
    public List<Signups.Place> define(String prefix, String pool, Signups.PoolSpec spec) {
        try {
            return signups.define(prefix + pool, spec).stream().map(p -> signups.toApi(pool, p)).toList();
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional(dontRollbackOn = org.popcorn.api.PluginProblem.class)
    public Signups.PoolSpec spec(String prefix, String pool) {
        try {
            return signups.pool(prefix + pool).spec();
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional
    public void close(String prefix, String pool) {
        try {
            signups.close(prefix + pool);
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional
    public List<Signups.Place> delete(String prefix, String pool) {
        return signups.delete(prefix + pool).stream().map(p -> new Signups.Place(pool, p.memberId(), p.partySize(), p.status(),
                null, p.offerExpiresAt())).toList();
    }

    @Transactional
    public Map<String, Signups.Pool> pools(String prefix, java.util.Collection<String> pools) {
        List<String> keys = pools.stream().distinct().map(p -> prefix + p).toList();
        Map<String, Long> waiting = signups.waitingParties(keys);
        Map<String, Signups.Pool> out = new java.util.LinkedHashMap<>();
        for (org.popcorn.server.signup.SignupPool p : signups.pools(keys)) {
            String name = p.key().substring(prefix.length());
            out.put(name, new Signups.Pool(name, p.capacity(), p.taken(), waiting.getOrDefault(p.key(), 0L).intValue()));
        }
        return out;
    }

    @Transactional
    public List<Signups.Place> placesOf(String prefix, long memberId) {
        return signups.placesOf(prefix, memberId).stream().map(p -> signups.toApi(p.poolKey().substring(prefix.length()), p)).toList();
    }

    @Transactional
    public List<Signups.Commitment> commitmentsOf(long memberId, java.time.Instant from, java.time.Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            throw new org.popcorn.api.PluginProblem(422, "A period ends after it starts.", "to").withCode("signup.bad-period");
        }
        return signups.commitmentsOf(memberId, from, to).stream().map(row -> {
            org.popcorn.server.signup.SignupPlace place = (org.popcorn.server.signup.SignupPlace) row[0];
            org.popcorn.server.signup.SignupPool pool = (org.popcorn.server.signup.SignupPool) row[1];
            String key = pool.key();
            int colon = key.indexOf(':');
            return new Signups.Commitment(colon < 0 ? "" : key.substring(0, colon), key.substring(colon + 1), pool.title(),
                    pool.startsAt(), pool.endsAt(), pool.zone(), place.status(), pool.exclusive());
        }).toList();
    }

    // ---- qualifications ----

    @Transactional
    public org.popcorn.api.Qualifications.Qualification grantQualification(String pluginId, long memberId, String code, Long by,
                                                                           java.time.Instant until) {
        try {
            if (members.get(memberId).isDeleted()) {
                throw ProblemException.notFound("No such member.").withCode("member.not-found");
            }
            return qualification(qualifications.grant(pluginId, memberId, code, by, until));
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional
    public boolean revokeQualification(String pluginId, long memberId, String code) {
        return qualifications.revoke(pluginId, memberId, code);
    }

    @Transactional
    public Optional<org.popcorn.api.Qualifications.Qualification> qualificationOf(String pluginId, long memberId, String code) {
        return qualifications.of(pluginId, memberId, code).map(PluginBridge::qualification);
    }

    @Transactional
    public List<org.popcorn.api.Qualifications.Qualification> qualificationsOf(String pluginId, long memberId) {
        return qualifications.heldBy(pluginId, memberId).stream().map(PluginBridge::qualification).toList();
    }

    private static org.popcorn.api.Qualifications.Qualification qualification(org.popcorn.server.qualification.MemberQualification q) {
        return new org.popcorn.api.Qualifications.Qualification(q.code(), q.memberId(), q.grantedBy(), q.grantedAt(), q.expiresAt());
    }

    // ---- consent ----

    @Inject
    org.popcorn.server.consent.ConsentService consents;

    @Transactional
    public org.popcorn.api.Consents.Text publishConsent(String pluginId, String purpose, Map<String, String> text) {
        try {
            return text(consents.publish(pluginId, purpose, text));
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional
    public Optional<org.popcorn.api.Consents.Text> currentConsentText(String pluginId, String purpose) {
        return consents.current(pluginId, purpose).map(PluginBridge::text);
    }

    @Transactional
    public org.popcorn.api.Consents.Consent recordConsent(String pluginId, String subject, String purpose, int version, Long by) {
        try {
            return consent(consents.record(pluginId, subject, purpose, version, by));
        } catch (ProblemException e) {
            throw sdk(e);
        }
    }

    @Transactional
    public Optional<org.popcorn.api.Consents.Consent> standingConsent(String pluginId, String subject, String purpose) {
        return consents.standing(pluginId, subject, purpose).map(PluginBridge::consent);
    }

    @Transactional
    public List<org.popcorn.api.Consents.Consent> consentsOf(String pluginId, String subject) {
        return consents.of(pluginId, subject).stream().map(PluginBridge::consent).toList();
    }

    @Transactional
    public boolean withdrawConsent(String pluginId, String subject, String purpose) {
        return consents.withdraw(pluginId, subject, purpose);
    }

    @Transactional
    public int withdrawAllConsents(String pluginId, String subject) {
        return consents.withdrawAll(pluginId, subject);
    }

    private static org.popcorn.api.Consents.Text text(org.popcorn.server.consent.ConsentText t) {
        return new org.popcorn.api.Consents.Text(t.purpose(), t.version(), t.text(), t.publishedAt());
    }

    private static org.popcorn.api.Consents.Consent consent(org.popcorn.server.consent.ConsentRecord r) {
        return new org.popcorn.api.Consents.Consent(r.id(), r.subject(), r.purpose(), r.version(), r.givenAt(), r.capturedBy(),
                r.withdrawnAt());
    }
}
