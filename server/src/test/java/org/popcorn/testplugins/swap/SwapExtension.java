package org.popcorn.testplugins.swap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pf4j.Extension;
import org.popcorn.api.PopcornExtension;

/** A test plugin that answers which version of it is loaded (a text file in its jar), to see a jar replaced on rescan. */
@Extension
public class SwapExtension implements PopcornExtension {

    @Override
    public Object restResource() {
        return new Api();
    }

    /** The route under /api/plugins/swap. */
    @Produces(MediaType.APPLICATION_JSON)
    public static class Api {

        @GET
        @Path("version")
        public Map<String, Object> version() throws IOException {
            try (InputStream in = SwapExtension.class.getClassLoader().getResourceAsStream("swap/version.txt")) {
                return Map.of("version", new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        }
    }
}
