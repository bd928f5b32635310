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
            return Optional.of(new Cities.CityInfo(c.id(), c.name(), c.countryCode(), c.zone().getId(), c.latitude(),
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
        return new org.popcorn.api.PluginProblem(e.status(), e.getMessage(), e.field());
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
}
