package org.popcorn.server.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;
import org.popcorn.server.auth.AuthRequests;

/**
 * Creates the first admin from {@code POPCORN_ADMIN_HANDLE}, {@code POPCORN_ADMIN_EMAIL} and {@code POPCORN_ADMIN_PASSWORD}
 * on a start where no admin exists. There is no default password anywhere: without the three settings no admin is made
 * (and the log says how to make one).
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    MemberService members;

    public boolean anyAdmin() {
        return em.createQuery("select count(m) from Member m where m.admin = :yes and m.deletedAt is null", Long.class)
                .setParameter("yes", Boolean.TRUE)
                .getSingleResult() > 0;
    }

    @Transactional
    public void ensureAdmin(Optional<String> handle, Optional<String> email, Optional<String> password) {
        if (anyAdmin()) {
            return;
        }
        if (handle.isEmpty() || email.isEmpty() || password.isEmpty()) {
            LOG.info("event=bootstrap.no-admin hint=\"set POPCORN_ADMIN_HANDLE, POPCORN_ADMIN_EMAIL and POPCORN_ADMIN_PASSWORD "
                    + "and restart to create the first admin\"");
            return;
        }
        Member existing = members.findByHandle(handle.get()).orElse(null);
        if (existing == null) {
            AuthRequests.Registration r = new AuthRequests.Registration();
            r.handle = handle.get();
            r.displayName = handle.get();
            r.email = email.get();
            r.password = password.get();
            r.homeCityId = em.createQuery("select c.id from City c where c.retiredAt is null order by c.population desc", Long.class)
                    .setMaxResults(1).getSingleResult();
            existing = members.register(r);
        }
        existing.admin(true);
        final long id = existing.id();
        LOG.info(() -> "event=bootstrap.admin-created member=" + id + " handle=" + handle.get());
    }
}
