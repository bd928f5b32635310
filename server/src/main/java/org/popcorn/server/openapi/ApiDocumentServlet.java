package org.popcorn.server.openapi;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.popcorn.server.http.ETags;
import org.popcorn.server.plugin.PluginHost;

/**
 * {@code GET /openapi}: the API document, core and plugins, built once and then served from memory like a static file
 * (with an ETag) until the set of plugins changes. Payara's MicroProfile OpenAPI endpoint rebuilt and serialised the
 * 300 kB document on every request (about 60 a second here); it now lives at {@code /openapi-source} (see
 * src/main/payara/pre-boot-commands.txt), which this servlet reads (as JSON) over the loopback once per plugin
 * generation, finishes ({@link DocumentJson}) and keeps in both formats. YAML by default, JSON for
 * {@code Accept: application/json} or {@code ?format=JSON}.
 */
@WebServlet(urlPatterns = {"/openapi", "/openapi/"})
public class ApiDocumentServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ApiDocumentServlet.class.getName());
    private static final HttpClient LOOPBACK = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Built(long generation, byte[] body, String etag, String contentType) {
    }

    private final Map<String, Built> built = new ConcurrentHashMap<>();

    @Inject
    PluginHost host;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        boolean json = "json".equalsIgnoreCase(req.getParameter("format"))
                || (req.getHeader("Accept") != null && req.getHeader("Accept").toLowerCase(Locale.ROOT).contains("application/json"));
        Built doc;
        try {
            doc = document(json ? "json" : "yaml", req.getLocalPort());
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warning(() -> "event=openapi.build-failed reason=" + e.getMessage());
            res.sendError(503);
            return;
        }
        res.setHeader("ETag", doc.etag());
        res.setHeader("Cache-Control", "no-cache");
        if (ETags.matches(req.getHeader("If-None-Match"), doc.etag())) {
            res.setStatus(304);
            return;
        }
        res.setContentType(doc.contentType());
        res.setContentLength(doc.body().length);
        res.getOutputStream().write(doc.body());
    }

    private Built document(String format, int port) throws IOException, InterruptedException {
        long generation = host.generation();
        Built doc = built.get(format);
        if (doc != null && doc.generation() == generation) {
            return doc;
        }
        synchronized (this) { // one build at a time, however many ask at once
            doc = built.get(format);
            if (doc != null && doc.generation() == generation) {
                return doc;
            }
            if (doc != null) { // plugins changed since the last build: Payara must scan and filter again
                PayaraDocumentCache.forget();
            }
            HttpResponse<byte[]> r = LOOPBACK.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/openapi-source"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException("the OpenAPI endpoint answered " + r.statusCode());
            }
            jakarta.json.JsonObject finished = DocumentJson.finish(r.body());
            byte[] json = DocumentJson.json(finished);
            byte[] yaml = DocumentJson.yaml(finished);
            built.put("json", new Built(generation, json, ETags.of(json), "application/json"));
            built.put("yaml", new Built(generation, yaml, ETags.of(yaml), "text/plain; charset=UTF-8")); // readable in a browser tab
            LOG.info(() -> "event=openapi.built bytes-json=" + json.length + " bytes-yaml=" + yaml.length + " plugins-generation=" + generation);
            return built.get(format);
        }
    }
}
