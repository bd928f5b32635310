package org.popcorn.server.member;

import org.popcorn.api.CoreEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.popcorn.server.common.RetryOnConflict;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.popcorn.api.Message;
import org.popcorn.server.language.Language;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.popcorn.server.auth.AuthRequests.Registration;
import org.popcorn.server.auth.PasswordHasher;
import org.popcorn.server.city.CityService;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.event.DomainEvents;
import org.popcorn.server.notification.NotificationService;
import org.popcorn.server.signup.SignupService;
import org.popcorn.server.points.PointsService;
import org.popcorn.server.points.RewardsService;

/**
 * Members: registration, profiles, account deletion, admin role changes. Uniqueness of handle and e-mail is enforced by
 * the database (unique keys on their lower-case forms); a clash is answered with 409 naming the field.
 */
@ApplicationScoped
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class.getName());

    /** Points paid once for joining. */
    public static final int WELCOME_POINTS = 10;

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    CityService cities;

    @Inject
    PointsService points;

    @Inject
    RewardsService rewards;

    @Inject
    NotificationService notifications;

    @Inject
    MetricRegistry metrics;

    @Inject
    DomainEvents events;

    @Inject
    SignupService signups;

    /** Tells the plugins to erase their data about a member, inside the deletion (see {@link MemberErasing}). */
    @Inject
    jakarta.enterprise.event.Event<MemberErasing> erasing;

    @Inject
    org.popcorn.server.qualification.QualificationService qualifications;

    @Transactional
    public Member register(Registration r) {
        return register(r, hasher.hash(r.password));
    }

    /** Registers with a password hash made already (demo data shares one hash between generated members). */
    @Transactional
    public Member register(Registration r, String passwordHash) {
        if (r.handle.toLowerCase(Locale.ROOT).startsWith("former-")) {
            throw ProblemException.unprocessable("Handles starting with 'former-' are reserved.", "handle").withCode("member.handle-reserved");
        }
        if (r.password.equalsIgnoreCase(r.handle) || r.password.equalsIgnoreCase(r.email)) {
            throw ProblemException.unprocessable("Your password must not be your handle or e-mail.", "password").withCode("member.password-guessable");
        }
        cities.requireActive(r.homeCityId, "homeCityId");
        if (findByHandle(r.handle).isPresent()) {
            throw ProblemException.conflict("The handle '" + r.handle + "' is taken. Choose another.", "handle").withCode("member.handle-taken");
        }
        if (!em.createQuery("select m.id from Member m where m.emailKey = :e", Long.class)
                .setParameter("e", Member.keyOf(r.email)).getResultList().isEmpty()) {
            throw ProblemException.conflict("An account with this e-mail exists already. Log in instead.", "email").withCode("member.email-taken");
        }
        Member m = new Member(r.handle.strip(), r.displayName.strip(), r.email, passwordHash, r.homeCityId, Instant.now());
        m.language(Language.current()); // the language the sign-up form was read in, until the member chooses another
        em.persist(m);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Lost a race against a registration with the same handle or e-mail (the unique keys decide).
            String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (msg.contains("email_key")) {
                throw ProblemException.conflict("An account with this e-mail exists already. Log in instead.", "email").withCode("member.email-taken");
            }
            throw ProblemException.conflict("The handle '" + r.handle + "' is taken. Choose another.", "handle").withCode("member.handle-taken");
        }
        points.award(m.id(), WELCOME_POINTS, Message.of("points.welcome", "Welcome to the community"), "core", "joined");
        rewards.awardBadge(m.id(), "joined");
        events.publish(CoreEvents.MEMBER_REGISTERED, "core",
                java.util.Map.of("memberId", m.id(), "handle", m.handle(), "homeCityId", r.homeCityId));
        metrics.counter("popcorn_registrations_total").inc();
        LOG.info(() -> "event=member.registered member=" + m.id() + " handle=" + m.handle() + " city=" + r.homeCityId);
        return m;
    }

    public Optional<Member> findByHandle(String handle) {
        return em.createQuery("select m from Member m where m.handleKey = :h", Member.class)
                .setParameter("h", Member.keyOf(handle)).getResultList().stream().findFirst();
    }

    /** Finds an active member by handle or e-mail (log-in). */
    public Optional<Member> findByLogin(String login) {
        String key = Member.keyOf(login);
        return em.createQuery("select m from Member m where (m.handleKey = :k or m.emailKey = :k) and m.deletedAt is null",
                Member.class).setParameter("k", key).getResultList().stream().findFirst();
    }

    /** An active member by handle; 404 otherwise. */
    public Member requireByHandle(String handle) {
        return findByHandle(handle).filter(m -> !m.isDeleted())
                .orElseThrow(() -> ProblemException.notFound("No member with the handle '" + handle + "'.").withCode("member.not-found"));
    }

    public Member get(long id) {
        Member m = em.find(Member.class, id);
        if (m == null) {
            throw ProblemException.notFound("No such member.").withCode("member.not-found");
        }
        return m;
    }

    /** Applies the fields present in a profile update to the caller's own profile. */
    @Transactional
    @RetryOnConflict
    public Member updateProfile(long memberId, ProfileUpdate u) {
        // the member's row is locked for the edit: two tabs saving at once wait for each other instead of racing
        Member m = em.find(Member.class, memberId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("No such member.").withCode("member.not-found");
        }
        if (u.displayName != null) {
            if (u.displayName.isBlank()) {
                throw ProblemException.unprocessable("A display name cannot be empty.", "displayName").withCode("member.display-name-empty");
            }
            m.displayName(u.displayName.strip());
        }
        if (u.bio != null) {
            m.bio(u.bio.isBlank() ? null : u.bio.strip());
        }
        if (u.homeCityId != null) {
            cities.requireActive(u.homeCityId, "homeCityId");
            m.homeCityId(u.homeCityId);
        }
        if (u.avatarUrl != null) {
            String url = u.avatarUrl.strip();
            if (!url.isEmpty() && !url.matches("(?i)https?://\\S+")) {
                throw ProblemException.unprocessable("An avatar URL starts with http:// or https://.", "avatarUrl").withCode("member.bad-avatar-url");
            }
            m.avatarUrl(url.isEmpty() ? null : url);
        }
        if (u.attendanceVisible != null) {
            m.attendanceVisible(u.attendanceVisible);
        }
        if (u.language != null) {
            if (!Language.SUPPORTED.contains(u.language)) {
                throw ProblemException.unprocessable("Choose a language Popcorn speaks: " + String.join(", ", Language.SUPPORTED) + ".",
                        "language").withCode("member.unsupported-language");
            }
            m.language(u.language);
        }
        LOG.info(() -> "event=member.profile-updated member=" + memberId);
        return m;
    }

    /**
     * Deletes an account: personal data erased, sessions and inbox removed, sign-up places given up, every plugin's own
     * data erased ({@link MemberErasing}), contributions kept as "former member". All of it or, when a part fails,
     * nothing.
     */
    @Transactional
    public void deleteAccount(long memberId) {
        Member m = get(memberId);
        em.createQuery("delete from AuthToken t where t.memberId = :m").setParameter("m", memberId).executeUpdate();
        em.createQuery("delete from OrganiserRole r where r.memberId = :m").setParameter("m", memberId).executeUpdate();
        notifications.eraseFor(memberId);
        int released = signups.releaseAllOf(memberId);
        qualifications.eraseAllOf(memberId);
        erasing.fire(new MemberErasing(memberId));
        m.eraseAsFormerMember(Instant.now());
        events.publish(CoreEvents.MEMBER_DELETED, "core", java.util.Map.of("memberId", memberId, "placesReleased", released));
        LOG.info(() -> "event=member.deleted member=" + memberId);
    }

    @Transactional
    public void setPassword(long memberId, String newPassword) {
        get(memberId).passwordHash(hasher.hash(newPassword));
    }

    public List<Long> organisedCityIds(long memberId) {
        return em.createQuery("select r.cityId from OrganiserRole r where r.memberId = :m order by r.cityId", Long.class)
                .setParameter("m", memberId).getResultList();
    }

    public boolean isOrganiser(long memberId) {
        return !organisedCityIds(memberId).isEmpty();
    }
    /** Admin: makes a member an organiser of a city (idempotent) and tells them. */
    @Transactional
    @RetryOnConflict
    public boolean grantOrganiser(long memberId, long cityId, long adminId) {
        Member m = get(memberId);
        if (m.isDeleted()) {
            throw ProblemException.notFound("No such member.").withCode("member.not-found");
        }
        org.popcorn.server.city.City c = cities.requireActive(cityId, "cityId");
        if (em.find(OrganiserRole.class, new OrganiserRole.Key(memberId, cityId)) != null) {
            return false;
        }
        em.persist(new OrganiserRole(memberId, cityId, adminId, Instant.now()));
        notifications.notify(memberId, org.popcorn.server.notification.NotificationKinds.ROLE_CHANGED,
                Message.of("organiser-granted.title", "You are now an organiser of {city}").city("city", c.id(), c.name()),
                Message.of("organiser-granted.body", "You can now run voting rounds and meetups for {city}.").city("city", c.id(), c.name()),
                "/#/me", "core");
        LOG.info(() -> "event=role.organiser-granted member=" + memberId + " city=" + cityId + " by=" + adminId);
        return true;
    }

    /** Admin: ends a member's organiser role for a city. */
    @Transactional
    @RetryOnConflict
    public boolean revokeOrganiser(long memberId, long cityId, long adminId) {
        cities.get(cityId); // 404 for a city that does not exist
        OrganiserRole r = em.find(OrganiserRole.class, new OrganiserRole.Key(memberId, cityId));
        if (r == null) {
            return false;
        }
        em.remove(r);
        org.popcorn.server.city.City c = cities.get(cityId);
        notifications.notify(memberId, org.popcorn.server.notification.NotificationKinds.ROLE_CHANGED,
                Message.of("organiser-revoked.title", "You are no longer an organiser of {city}").city("city", c.id(), c.name()),
                Message.of("organiser-revoked.body", "An admin ended your organiser role for {city}.").city("city", c.id(), c.name()),
                "/#/me", "core");
        LOG.info(() -> "event=role.organiser-revoked member=" + memberId + " city=" + cityId + " by=" + adminId);
        return true;
    }

    /** Admin: makes a member an admin or not. An admin cannot remove their own admin role (someone must stay). */
    @Transactional
    @RetryOnConflict
    public void setAdmin(long memberId, boolean admin, long byAdminId) {
        if (!admin && memberId == byAdminId) {
            throw ProblemException.conflict("You cannot remove your own admin role; ask another admin.", "admin").withCode("admin.self-revoke");
        }
        Member m = get(memberId);
        if (m.isDeleted()) {
            throw ProblemException.notFound("No such member.").withCode("member.not-found");
        }
        m.admin(admin);
        LOG.info(() -> "event=role.admin-" + (admin ? "granted" : "revoked") + " member=" + memberId + " by=" + byAdminId);
    }

    /** Admin: members whose handle or display name starts with the query, for the roles page. */
    public org.popcorn.server.common.Page<Member> search(String q, int page, int size) {
        String key = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        String where = " where m.deletedAt is null" + (key.isEmpty() ? "" : " and (m.handleKey like :k or lower(m.displayName) like :k)");
        var query = em.createQuery("select m from Member m" + where + " order by m.handleKey", Member.class);
        var count = em.createQuery("select count(m) from Member m" + where, Long.class);
        if (!key.isEmpty()) {
            String like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            query.setParameter("k", like);
            count.setParameter("k", like);
        }
        return new org.popcorn.server.common.Page<>(query.setFirstResult(page * size).setMaxResults(size).getResultList(),
                page, size, count.getSingleResult());
    }

    /** Active members whose home city is {@code cityId}, most points first (plugins asking a city for help). */
    public List<Member> livingIn(long cityId, int page, int size) {
        return em.createQuery("select m from Member m where m.deletedAt is null and m.homeCityId = :c"
                        + " order by m.lifetimePoints desc, m.id", Member.class)
                .setParameter("c", cityId).setFirstResult(page * size).setMaxResults(size).getResultList();
    }
}
