package org.popcorn.server.http;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Logger;
import org.popcorn.server.common.Problems;

/**
 * Gives the status line the standard reason phrase for the statuses the container's HTTP layer (Grizzly) does not
 * know and would otherwise call {@code CUSTOM}: {@code 422 Unprocessable Content}, {@code 429 Too Many Requests}.
 * Servlet 6 has no portable way to set a reason phrase, so this reaches the container's own response object; where
 * that fails (another container), the status stays right and only the phrase is the container's.
 */
final class ReasonPhrase {

    private static final Logger LOG = Logger.getLogger(ReasonPhrase.class.getName());
    private static volatile boolean unavailable;

    private ReasonPhrase() {
    }

    /** A response whose {@code setStatus} also sets the standard phrase. */
    static HttpServletResponse wrap(HttpServletResponse response) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                super.setStatus(sc);
                apply(getResponse(), sc);
            }
        };
    }

    static void apply(ServletResponse response, int status) {
        if (unavailable || (status != 422 && status != 429 && status != 413)) {
            return;
        }
        try {
            ServletResponse r = response;
            while (r instanceof ServletResponseWrapper w) {
                r = w.getResponse();
            }
            Object catalina = field(r, "response");
            Object grizzly = catalina.getClass().getMethod("getCoyoteResponse").invoke(catalina);
            Method setStatus = grizzly.getClass().getMethod("setStatus", int.class, String.class);
            setStatus.invoke(grizzly, status, Problems.reasonPhrase(status));
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            LOG.fine(() -> "event=http.reason-phrase-unavailable error=" + e);
        }
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
