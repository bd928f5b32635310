package org.popcorn.server.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.popcorn.server.common.RetryOnConflict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.popcorn.server.common.Page;
import org.popcorn.server.common.ProblemException;
import org.popcorn.api.Message;
import org.popcorn.server.language.Messages;
import org.popcorn.server.city.CityService;
import org.popcorn.server.member.Member;

/**
 * Tells members what concerns them: an inbox entry always, and an e-mail when the member chose e-mail for that kind
 * and the server has an SMTP host ({@code popcorn.mail.host}). Both are written in the caller's transaction, so a
 * notification exists exactly when its cause committed; the e-mail is sent afterwards by {@link EmailDelivery}.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    EmailDelivery delivery;

    @Inject
    CityService cities;

    /** A notification with plain texts: read the same in every language. Prefer the one with {@link Message}s. */
    @Transactional
    public Notification notify(long memberId, String kind, String title, String body, String link, String source) {
        Member member = em.find(Member.class, memberId);
        if (member == null || member.isDeleted()) {
            return null;
        }
        return store(member, kind, title, body, title, body, null, link, source);
    }

    /**
     * A notification every reader reads in their language: the inbox renders the messages from {@code source}'s
     * catalogue ("core" or a plugin id) when it is read, the e-mail is written in the member's language now.
     */
    @Transactional
    public Notification notify(long memberId, String kind, Message title, Message body, String link, String source) {
        Member member = em.find(Member.class, memberId);
        if (member == null || member.isDeleted()) {
            return null;
        }
        String lang = member.language();
        String json = NotificationTexts.json(title, body);
        return store(member, kind, title.english(), body.english(), Messages.render(source, title, lang, cityNames(lang)),
                Messages.render(source, body, lang, cityNames(lang)), json, link, source);
    }

    private Notification store(Member member, String kind, String title, String body, String mailSubject, String mailBody,
                               String messageJson, String link, String source) {
        Instant now = Instant.now();
        long memberId = member.id();
        Notification n = new Notification(memberId, kind, cut(title, 200), cut(body, 4000), link, source, now);
        n.message(messageJson);
        em.persist(n);
        if (delivery.enabled() && member.email() != null && wantsEmail(memberId, kind)) {
            em.persist(new OutgoingEmail(member.email(), cut(mailSubject, 200),
                    mailBody + (link == null ? "" : "\n\n" + delivery.absolute(link)), now));
        }
        LOG.fine(() -> "event=notification.created member=" + memberId + " kind=" + kind + " source=" + source);
        return n;
    }

    /** A city's name in {@code lang}, for the texts of notifications. */
    public java.util.function.LongFunction<String> cityNames(String lang) {
        return id -> cities.displayName(id, lang);
    }

    /** {title, body} of a notification in {@code lang}. */
    public String[] texts(Notification n, String lang) {
        return NotificationTexts.read(n, lang, cityNames(lang));
    }

    public Page<Notification> inbox(long memberId, boolean unreadOnly, int page, int size) {
        String where = "n.memberId = :m" + (unreadOnly ? " and n.readAt is null" : "");
        List<Notification> items = em.createQuery("select n from Notification n where " + where + " order by n.id desc",
                        Notification.class)
                .setParameter("m", memberId).setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(n) from Notification n where " + where, Long.class)
                .setParameter("m", memberId).getSingleResult();
        return new Page<>(items, page, size, total);
    }

    public long unreadCount(long memberId) {
        return em.createQuery("select count(n) from Notification n where n.memberId = :m and n.readAt is null", Long.class)
                .setParameter("m", memberId).getSingleResult();
    }

    @Transactional
    @RetryOnConflict
    public void markRead(long memberId, long notificationId) {
        Notification n = em.find(Notification.class, notificationId);
        if (n == null || !n.memberId().equals(memberId)) {
            throw ProblemException.notFound("No such notification in your inbox.").withCode("notification.not-found");
        }
        n.markRead(Instant.now());
    }

    @Transactional
    @RetryOnConflict
    public int markAllRead(long memberId) {
        return em.createQuery("update Notification n set n.readAt = :now where n.memberId = :m and n.readAt is null")
                .setParameter("now", Instant.now()).setParameter("m", memberId).executeUpdate();
    }

    /** Every kind with the member's e-mail choice (default: account notices by e-mail, the rest in the inbox only). */
    public Map<String, Boolean> emailChoices(long memberId) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String kind : NotificationKinds.all().keySet()) {
            out.put(kind, defaultEmail(kind));
        }
        for (NotificationPref p : em.createQuery("select p from NotificationPref p where p.memberId = :m", NotificationPref.class)
                .setParameter("m", memberId).getResultList()) {
            out.put(p.kind(), p.email());
        }
        return out;
    }

    @Transactional
    @RetryOnConflict
    public Map<String, Boolean> setEmailChoices(long memberId, Map<String, Boolean> choices) {
        Map<String, String> known = NotificationKinds.all();
        for (Map.Entry<String, Boolean> c : choices.entrySet()) {
            if (!known.containsKey(c.getKey())) {
                throw ProblemException.unprocessable("Unknown notification kind '" + c.getKey() + "'. Known kinds: "
                        + String.join(", ", known.keySet()) + ".", c.getKey()).withCode("notification.unknown-kind");
            }
            if (c.getValue() == null) {
                throw ProblemException.unprocessable("Use true or false.", c.getKey()).withCode("notification.bad-choice");
            }
        }
        for (Map.Entry<String, Boolean> c : choices.entrySet()) {
            NotificationPref p = em.find(NotificationPref.class, new NotificationPref.Key(memberId, c.getKey()));
            if (p == null) {
                em.persist(new NotificationPref(memberId, c.getKey(), c.getValue()));
            } else {
                p.email(c.getValue());
            }
        }
        em.flush();
        return emailChoices(memberId);
    }

    /** Removes a member's inbox and choices (account deletion). */
    @Transactional
    public void eraseFor(long memberId) {
        em.createQuery("delete from Notification n where n.memberId = :m").setParameter("m", memberId).executeUpdate();
        em.createQuery("delete from NotificationPref p where p.memberId = :m").setParameter("m", memberId).executeUpdate();
    }

    boolean wantsEmail(long memberId, String kind) {
        NotificationPref p = em.find(NotificationPref.class, new NotificationPref.Key(memberId, kind));
        return p == null ? defaultEmail(kind) : p.email();
    }

    static boolean defaultEmail(String kind) {
        return NotificationKinds.emailedByDefault(kind);
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
