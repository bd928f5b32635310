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
        res.setContentType(type == null ? "application/octet-stream" : type);
        res.setCharacterEncoding("UTF-8");
        try (InputStream in = url.openStream()) {
            in.transferTo(res.getOutputStream());
        }
    }
}
