package org.popcorn.server.plugin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import org.pf4j.PluginClassLoader;
import org.popcorn.server.http.ETags;

/**
 * Serves plugins' web pages and assets: {@code /plugins/<id>/<path>} comes from the {@code web/} folder of that plugin's
 * jar (its own jar only). A disabled or failed plugin's pages answer 404.
 */
@WebServlet(urlPatterns = "/plugins/*")
public class PluginWebServlet extends HttpServlet {

    @Inject
    PluginHost host;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String info = req.getPathInfo();
        if (info == null || info.length() < 2) {
            res.sendError(404);
            return;
        }
        String[] parts = info.substring(1).split("/", 2);
        String path = parts.length < 2 || parts[1].isEmpty() ? "index.html" : parts[1];
        if (path.contains("..")) {
            res.sendError(404);
            return;
        }
        HostedPlugin p;
        try {
            p = host.active(parts[0]);
        } catch (RuntimeException notActive) {
            res.sendError(404);
            return;
        }
        ClassLoader cl = p.wrapper.getPluginClassLoader();
        URL url = cl instanceof PluginClassLoader pcl ? pcl.findResource("web/" + path) : null;
        if (url == null) {
            res.sendError(404);
            return;
        }
        String type = req.getServletContext().getMimeType(path);
        if (path.endsWith(".js") || path.endsWith(".mjs")) {
            type = "text/javascript";
        } else if (path.endsWith(".json")) {
            type = "application/json";
        }
        byte[] body;
        try (InputStream in = url.openStream()) {
            body = in.readAllBytes();
        }
        // Conditional GET: the tag is a hash of the asset, so a new plugin version (or a changed file) has a new one.
        String tag = ETags.of(body);
        res.setHeader("ETag", tag);
        res.setHeader("Cache-Control", "no-cache");
        if (ETags.matches(req.getHeader("If-None-Match"), tag)) {
            res.setStatus(304);
            return;
        }
        res.setContentType(type == null ? "application/octet-stream" : type);
        res.setCharacterEncoding("UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
