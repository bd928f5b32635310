package org.popcorn.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.popcorn.api.Message;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.member.Member;
import org.popcorn.server.member.MemberService;
import org.popcorn.server.notification.NotificationKinds;
import org.popcorn.server.notification.NotificationService;

/**
 * Log-in, log-out, password change and account deletion. Log-in is throttled per account and per client address
 * ({@link LoginThrottle}); a locked key answers 429 with Retry-After, even with the right password.
 */
@ApplicationScoped
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class.getName());

    @Inject
    MemberService members;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionService sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    NotificationService notifications;

    @Inject
    MetricRegistry metrics;

    public AuthRequests.Session login(String login, String password, String clientAddress, String client) {
        Instant now = Instant.now();
        Optional<Member> found = members.findByLogin(login);
        List<String> keys = new ArrayList<>();
        keys.add(LoginThrottle.addressKey(clientAddress));
        found.ifPresent(m -> keys.add(LoginThrottle.accountKey(m.id())));
        long wait = throttle.attempt(keys, now); // counted before the password is checked, so parallel guesses cannot race it
        if (wait > 0) {
            metrics.counter("popcorn_logins_throttled_total").inc();
            LOG.warning(() -> "event=auth.login-throttled login=" + login + " address=" + clientAddress + " retryAfter=" + wait);
            throw ProblemException.tooManyRequests("Too many failed log-ins. Try again in " + wait + " seconds.", wait).withCode("auth.throttled");
        }
        boolean ok = hasher.verify(password, found.map(Member::passwordHash).orElse(null));
        if (!ok) {
            metrics.counter("popcorn_logins_failed_total").inc();
            LOG.warning(() -> "event=auth.login-failed login=" + login + " address=" + clientAddress
                    + " knownAccount=" + found.isPresent());
            throw ProblemException.unauthorized("The handle/e-mail or the password is wrong.").withCode("auth.bad-credentials");
        }
        Member m = found.get();
        throttle.succeeded(LoginThrottle.accountKey(m.id()), LoginThrottle.addressKey(clientAddress));
        SessionService.Issued issued = sessions.issue(m.id(), client);
        metrics.counter("popcorn_logins_total").inc();
        LOG.info(() -> "event=auth.login member=" + m.id() + " address=" + clientAddress);
        AuthRequests.Session s = new AuthRequests.Session();
        s.token = issued.token();
        s.expiresAt = issued.expiresAt();
        s.handle = m.handle();
        return s;
    }

    public void logout(Caller caller) {
        long id = caller.requireMemberId();
        sessions.revoke(caller.tokenHash());
        LOG.info(() -> "event=auth.logout member=" + id);
    }

    /** Changes the password after checking the current one, and ends every other session. */
    public void changePassword(Caller caller, AuthRequests.PasswordChange change) {
        Member m = caller.require();
        if (!hasher.verify(change.currentPassword, m.passwordHash())) {
            throw ProblemException.unprocessable("Your current password is not right.", "currentPassword").withCode("auth.wrong-password");
        }
        if (change.newPassword.equals(change.currentPassword)) {
            throw ProblemException.unprocessable("Choose a password different from the current one.", "newPassword").withCode("auth.same-password");
        }
        members.setPassword(m.id(), change.newPassword);
        int ended = sessions.revokeAllOf(m.id(), caller.tokenHash());
        notifications.notify(m.id(), NotificationKinds.ACCOUNT, Message.of("password-changed.title", "Your password was changed"),
                Message.of("password-changed.body",
                        "Your Popcorn password was changed and your other sessions were ended. If this was not you, contact an admin."),
                null, "core");
        LOG.info(() -> "event=auth.password-changed member=" + m.id() + " sessionsEnded=" + ended);
    }

    public void deleteAccount(Caller caller, String password) {
        Member m = caller.require();
        if (!hasher.verify(password, m.passwordHash())) {
            throw ProblemException.unprocessable("Your password is not right.", "password").withCode("auth.wrong-password");
        }
        members.deleteAccount(m.id());
    }
}
