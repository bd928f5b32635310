package org.popcorn.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses addresses that try to leave their path: an encoded slash or backslash ({@code %2f}, {@code %5c}) or a
 * {@code ..} segment in the address as sent. The container would otherwise normalise {@code /api/rounds/..%2f..%2f}
 * to {@code /} and serve the web page there; no Popcorn address contains them, so they answer 404 — problem+json
 * when the address as sent starts with {@code /api}.
 */
@WebFilter(filterName = "path-guard", urlPatterns = "/*", asyncSupported = true)
public class PathGuardFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String raw = req.getRequestURI();
        if (raw != null && escapes(raw)) {
            res.setHeader("Cache-Control", "no-store");
            if (raw.startsWith(req.getContextPath() + "/api")) {
                ProblemWriter.write(res, 404, "http.404", "Not Found", "There is nothing at this address.", null);
            } else {
                res.sendError(404);
            }
            return;
        }
        chain.doFilter(req, res);
    }

    static boolean escapes(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e")
                || lower.contains("/../") || lower.endsWith("/..") || lower.contains("/./") || lower.contains("\\");
    }
}
