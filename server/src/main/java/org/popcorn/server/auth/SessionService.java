package org.popcorn.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions are opaque bearer tokens stored hashed ({@link AuthToken}), valid for {@code popcorn.auth.token-hours}
 * and revocable at any time (logout, password change, account deletion). Chosen over signed tokens because revocation
 * is immediate and exact, and a database lookup per request is cheap next to the work a request does.
 */
@ApplicationScoped
public class SessionService {

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "popcorn.auth.token-hours", defaultValue = "720")
    long tokenHours;

    /** A new session: the token (shown once, never stored) and when it expires. */
    public record Issued(String token, Instant expiresAt) {
    }

    @Transactional
    public Issued issue(long memberId, String client) {
        String token = Tokens.newToken();
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofHours(tokenHours));
        em.persist(new AuthToken(Tokens.hash(token), memberId, now, expires,
                client == null ? null : client.length() > 200 ? client.substring(0, 200) : client));
        return new Issued(token, expires);
    }

    /** The member a token hash belongs to, when it exists, has not expired and its member still exists. */
    public Optional<Long> memberForTokenHash(String hash) {
        List<Long> ids = em.createQuery("select t.memberId from AuthToken t, Member m where t.tokenHash = :h "
                        + "and t.expiresAt > :now and m.id = t.memberId and m.deletedAt is null", Long.class)
                .setParameter("h", hash).setParameter("now", Instant.now()).getResultList();
        return ids.stream().findFirst();
    }

    @Transactional
    public void revoke(String hash) {
        em.createQuery("delete from AuthToken t where t.tokenHash = :h").setParameter("h", hash).executeUpdate();
    }

    /** Ends every session of a member except {@code keepHash} (null: all). */
    @Transactional
    public int revokeAllOf(long memberId, String keepHash) {
        return em.createQuery("delete from AuthToken t where t.memberId = :m and t.tokenHash <> :keep")
                .setParameter("m", memberId).setParameter("keep", keepHash == null ? "" : keepHash).executeUpdate();
    }

    /** Removes expired tokens (housekeeping). */
    @Transactional
    public int purgeExpired() {
        return em.createQuery("delete from AuthToken t where t.expiresAt <= :now").setParameter("now", Instant.now()).executeUpdate();
    }
}
