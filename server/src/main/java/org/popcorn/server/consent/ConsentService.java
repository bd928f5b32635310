package org.popcorn.server.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.popcorn.server.common.RetryOnConflict;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.popcorn.server.common.ProblemException;

/**
 * Consent plugins ask for ({@link org.popcorn.api.Consents}): the versions of each purpose's text and the consents
 * given to them. A purpose belongs to the plugin that published it. One standing consent per subject and purpose:
 * giving it again keeps the first.
 */
@ApplicationScoped
public class ConsentService {

    private static final Logger LOG = Logger.getLogger(ConsentService.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Publishes a purpose's text; the same text again changes nothing (two servers starting at once: one retries). */
    @Transactional
    @RetryOnConflict
    public ConsentText publish(String pluginId, String purpose, Map<String, String> text) {
        Optional<ConsentText> current = current(pluginId, purpose);
        if (current.isPresent() && current.get().says(text)) {
            return current.get();
        }
        ConsentText next = new ConsentText(pluginId, purpose, current.map(t -> t.version() + 1).orElse(1), text, clock.instant());
        em.persist(next);
        em.flush(); // two instances publishing at once: the second gets the primary key's conflict here
        LOG.info(() -> "event=consent.text-published plugin=" + pluginId + " purpose=" + purpose + " version=" + next.version());
        return next;
    }

    public Optional<ConsentText> current(String pluginId, String purpose) {
        return em.createQuery("select t from ConsentText t where t.pluginId = :p and t.purpose = :u order by t.version desc",
                        ConsentText.class)
                .setParameter("p", pluginId).setParameter("u", purpose).setMaxResults(1).getResultList().stream().findFirst();
    }

    @Transactional
    public ConsentRecord record(String pluginId, String subject, String purpose, int version, Long capturedBy) {
        ConsentText text = current(pluginId, purpose).orElseThrow(() -> ProblemException.unprocessable(
                "There is no consent text for '" + ProblemException.shorten(purpose) + "'.", "purpose").withCode("consent.unknown-purpose"));
        if (text.version() != version) {
            throw ProblemException.conflict("The consent text changed (now version " + text.version()
                    + "); show the person the current one.", "version").withCode("consent.outdated-text");
        }
        Optional<ConsentRecord> standing = standing(pluginId, subject, purpose);
        if (standing.isPresent() && standing.get().version() == version) {
            return standing.get(); // the same consent again; a newer version is recorded beside an older one
        }
        ConsentRecord r = new ConsentRecord(pluginId, subject, text, capturedBy, clock.instant());
        em.persist(r);
        em.flush();
        LOG.info(() -> "event=consent.given plugin=" + pluginId + " purpose=" + purpose + " version=" + version + " record=" + r.id());
        return r;
    }

    public Optional<ConsentRecord> standing(String pluginId, String subject, String purpose) {
        return em.createQuery("select r from ConsentRecord r where r.pluginId = :p and r.subject = :s and r.purpose = :u"
                        + " and r.withdrawnAt is null order by r.id desc", ConsentRecord.class)
                .setParameter("p", pluginId).setParameter("s", subject).setParameter("u", purpose).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    public List<ConsentRecord> of(String pluginId, String subject) {
        return em.createQuery("select r from ConsentRecord r where r.pluginId = :p and r.subject = :s order by r.id desc",
                ConsentRecord.class).setParameter("p", pluginId).setParameter("s", subject).getResultList();
    }

    @Transactional
    public boolean withdraw(String pluginId, String subject, String purpose) {
        List<ConsentRecord> standing = of(pluginId, subject).stream().filter(r -> r.standing() && r.purpose().equals(purpose)).toList();
        standing.forEach(r -> r.withdraw(clock.instant()));
        if (!standing.isEmpty()) {
            LOG.info(() -> "event=consent.withdrawn plugin=" + pluginId + " purpose=" + purpose + " records=" + standing.size());
        }
        return !standing.isEmpty();
    }

    @Transactional
    public int withdrawAll(String pluginId, String subject) {
        List<ConsentRecord> standing = of(pluginId, subject).stream().filter(ConsentRecord::standing).toList();
        standing.forEach(r -> r.withdraw(clock.instant()));
        return standing.size();
    }
}
