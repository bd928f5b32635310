package org.popcorn.server.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.member.Member;

/**
 * Who is making the current request, as established by {@link BearerAuthFilter} from the bearer token.
 * Services ask it "who?" and "may they?"; the answer to "may they?" is always checked against the object being
 * changed (its city, its owner), never just a global role.
 */
@RequestScoped
public class Caller {

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    private Long memberId;
    private String tokenHash;
    private Member member;
    private Set<Long> organisedCities;

    void authenticate(long memberId, String tokenHash) {
        this.memberId = memberId;
        this.tokenHash = tokenHash;
    }

    /**
     * For system work outside HTTP requests (start-up jobs, demo data): act as this member for the rest of the
     * current request context. Never called with data from a request.
     */
    public void actAs(long memberId) {
        this.memberId = memberId;
        this.tokenHash = null;
        this.member = null;
        this.organisedCities = null;
    }

    public boolean isAuthenticated() {
        return memberId != null;
    }

    /** The caller's member id; 401 when the request carries no valid token. */
    public long requireMemberId() {
        if (memberId == null) {
            throw ProblemException.unauthorized("Log in first: send 'Authorization: Bearer <token>' from POST /api/auth/login.").withCode("auth.required");
        }
        return memberId;
    }

    /** The caller's member (loaded once per request); 401 when not logged in. */
    public Member require() {
        long id = requireMemberId();
        if (member == null) {
            member = em.find(Member.class, id);
            if (member == null || member.isDeleted()) {
                throw ProblemException.unauthorized("This account no longer exists.").withCode("auth.account-deleted");
            }
        }
        return member;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public boolean isAdmin() {
        return isAuthenticated() && require().isAdmin();
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            requireMemberId();
            throw ProblemException.forbidden("Only an admin may do this.").withCode("admin.required");
        }
    }

    /** The ids of the cities the caller organises. */
    public Set<Long> organisedCities() {
        if (organisedCities == null) {
            if (!isAuthenticated()) {
                return Set.of();
            }
            List<Long> ids = em.createQuery("select r.cityId from OrganiserRole r where r.memberId = :m", Long.class)
                    .setParameter("m", memberId).getResultList();
            organisedCities = new TreeSet<>(ids);
        }
        return organisedCities;
    }

    /** True for an organiser of this city, and for admins (who may act for every city). */
    public boolean mayOrganise(long cityId) {
        return isAdmin() || organisedCities().contains(cityId);
    }

    /** 403 unless the caller organises this city (or is an admin). */
    public void requireOrganiserOf(long cityId) {
        requireMemberId();
        if (!mayOrganise(cityId)) {
            throw ProblemException.forbidden("Only an organiser of this city may do this.").withCode("organiser.required");
        }
    }
}
