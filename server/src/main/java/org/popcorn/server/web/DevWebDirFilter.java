package org.popcorn.server.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For web UI development only: when {@code popcorn.web.dev-dir} is set, static files are served from that directory
 * (e.g. {@code web-static/src/main/resources/META-INF/resources}) instead of the packaged ones, so a page edit shows
 * on reload without a rebuild. Unset in production: the packaged UI is served by the servlet container.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DevWebDirFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "popcorn.web.dev-dir")
    Optional<String> devDir;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (devDir.isEmpty() || path.startsWith("/api/") || path.startsWith("/health") || path.startsWith("/metrics")
                || path.startsWith("/openapi") || path.startsWith("/webjars/")) {
            chain.doFilter(req, res);
            return;
        }
        Path root = Path.of(devDir.get()).toAbsolutePath().normalize();
        Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            chain.doFilter(req, res);
            return;
        }
        String type = req.getServletContext().getMimeType(file.getFileName().toString());
        if (file.toString().endsWith(".js") || file.toString().endsWith(".mjs")) {
            type = "text/javascript";
        }
        res.setContentType(type == null ? "application/octet-stream" : type);
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        Files.copy(file, res.getOutputStream());
    }
}
