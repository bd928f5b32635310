package org.popcorn.server.notification;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the e-mail outbox through the configured SMTP server, every few seconds, with retries and backoff.
 * Several instances may run it at once: each message is claimed with a conditional update before it is sent, so a
 * message goes out once. Off unless {@code popcorn.mail.host} is set.
 */
@ApplicationScoped
public class EmailDelivery {

    private static final Logger LOG = Logger.getLogger(EmailDelivery.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "popcorn.mail.host")
    java.util.Optional<String> host;

    @Inject
    @ConfigProperty(name = "popcorn.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "popcorn.mail.from", defaultValue = "popcorn@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "popcorn.mail.user")
    java.util.Optional<String> user;

    @Inject
    @ConfigProperty(name = "popcorn.mail.password")
    java.util.Optional<String> password;

    @Inject
    @ConfigProperty(name = "popcorn.mail.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "popcorn.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    public String absolute(String link) {
        return link.startsWith("http") ? link : publicUrl.replaceAll("/$", "") + link;
    }

    /** Sends what is due; called by the scheduler in {@link EmailScheduler}. */
    public int deliverDue(int max) {
        if (!enabled()) {
            return 0;
        }
        List<Long> due = self().dueIds(max);
        int sent = 0;
        for (Long id : due) {
            OutgoingEmail mail = self().claim(id);
            if (mail == null) {
                continue;
            }
            try {
                send(mail);
                self().markSent(id);
                sent++;
                LOG.info(() -> "event=email.sent id=" + id);
            } catch (MessagingException | RuntimeException e) {
                self().markFailed(id, e.getMessage());
                LOG.log(Level.WARNING, "event=email.failed id=" + id + " attempt=" + mail.attempts + " reason=" + e.getMessage());
            }
        }
        return sent;
    }

    @Inject
    jakarta.enterprise.inject.Instance<EmailDelivery> selfRef;

    private EmailDelivery self() {
        return selfRef.get();
    }

    @Transactional
    public List<Long> dueIds(int max) {
        return em.createQuery("select e.id from OutgoingEmail e where e.sentAt is null and e.attempts < 8 "
                        + "and e.nextTryAt <= :now order by e.id", Long.class)
                .setParameter("now", Instant.now()).setMaxResults(max).getResultList();
    }

    /** Claims a message for this instance by pushing its next try into the future; null if another instance has it. */
    @Transactional
    public OutgoingEmail claim(long id) {
        OutgoingEmail e = em.find(OutgoingEmail.class, id);
        if (e == null || e.sentAt != null) {
            return null;
        }
        int updated = em.createQuery("update OutgoingEmail e set e.nextTryAt = :later, e.attempts = e.attempts + 1 "
                        + "where e.id = :id and e.nextTryAt = :seen and e.sentAt is null")
                .setParameter("later", Instant.now().plusSeconds(120)).setParameter("id", id)
                .setParameter("seen", e.nextTryAt).executeUpdate();
        if (updated != 1) {
            return null;
        }
        em.detach(e);
        return e;
    }

    @Transactional
    public void markSent(long id) {
        em.createQuery("update OutgoingEmail e set e.sentAt = :now, e.lastError = null where e.id = :id")
                .setParameter("now", Instant.now()).setParameter("id", id).executeUpdate();
    }

    @Transactional
    public void markFailed(long id, String error) {
        OutgoingEmail e = em.find(OutgoingEmail.class, id);
        if (e != null) {
            e.failed(error, Instant.now());
        }
    }

    void send(OutgoingEmail mail) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", host.orElseThrow());
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        // a stalled server cannot hold the send past the 120 s claim, after which another server would try it too
        p.put("mail.smtp.writetimeout", "10000");
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        boolean auth = user.filter(u -> !u.isBlank()).isPresent();
        p.put("mail.smtp.auth", String.valueOf(auth));
        Session session = auth ? Session.getInstance(p, new jakarta.mail.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user.orElseThrow(), password.orElse(""));
            }
        }) : Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.toAddress));
        m.setSubject(mail.subject, StandardCharsets.UTF_8.name());
        m.setText(mail.body, StandardCharsets.UTF_8.name());
        Transport.send(m);
    }

    /** Runs delivery every 5 seconds while the application is up. */
    @ApplicationScoped
    public static class EmailScheduler {

        @Resource
        ManagedScheduledExecutorService scheduler;

        @Inject
        EmailDelivery delivery;

        private ScheduledFuture<?> task;

        /** Starts the delivery loop (called once at startup, after migrations). */
        public void start() {
            if (delivery.enabled() && task == null) {
                task = scheduler.scheduleWithFixedDelay(() -> {
                    try {
                        delivery.deliverDue(50);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "event=email.delivery-round-failed reason=" + e.getMessage());
                    }
                }, 2, 5, TimeUnit.SECONDS);
            }
        }

        @PreDestroy
        void stop() {
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
