package org.popcorn.server.openapi;

import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.popcorn.server.plugin.HostedPlugin;
import org.popcorn.server.plugin.PluginHost;

/**
 * Finishes the {@code /openapi} document that MicroProfile OpenAPI scans from the core's resources: adds the routes of
 * every started plugin (plugin jars are not scanned), replacing the generic {@code /api/plugins/{id}} locator entry,
 * then applies the document's house rules ({@link DocumentRules}). Registered with {@code mp.openapi.filter}; Payara
 * builds the document on its first request, after plugins have started, and {@link ApiDocumentServlet} asks again
 * whenever the set of plugins changes.
 */
public class ApiDocumentFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ApiDocumentFilter.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PayaraDocumentCache.seen(openAPI);
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getPaths().removePathItem("/api/plugins/{id}");
        try {
            PluginHost host = CDI.current().select(PluginHost.class).get();
            for (HostedPlugin p : host.all()) {
                if (p.isActive() && p.extension() != null) {
                    new PluginOperations(openAPI, p.id(), p.version(), p.description()).add(p.extension().restResource());
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("event=openapi.plugins-not-added reason=" + e);
        }
        String publicUrl = ConfigProvider.getConfig().getOptionalValue("popcorn.public-url", String.class).orElse("http://localhost:8080");
        DocumentRules.apply(openAPI, publicUrl);
    }
}
