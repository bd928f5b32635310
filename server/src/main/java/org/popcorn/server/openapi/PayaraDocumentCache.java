package org.popcorn.server.openapi;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Payara builds the MicroProfile OpenAPI document once and keeps it (in its {@code OpenApiService} and in each
 * application's {@code OpenAPISupplier}); MicroProfile offers no way to ask for a fresh one. When plugins are
 * enabled, disabled or added at run time the document must be built again — scan and {@link ApiDocumentFilter} — so
 * this forgets both cached copies, through Payara's implementation classes (found from the model object the filter
 * was handed). If that ever fails (another Payara version), the document keeps the plugins it had and says so in
 * the log; nothing else breaks.
 */
final class PayaraDocumentCache {

    private static final Logger LOG = Logger.getLogger(PayaraDocumentCache.class.getName());
    private static volatile ClassLoader payara;

    private PayaraDocumentCache() {
    }

    /** Remembers where Payara's OpenAPI implementation lives (called by the filter with Payara's model object). */
    static void seen(Object payaraModel) {
        payara = payaraModel.getClass().getClassLoader();
    }

    /** Forgets the built document, so the next request to {@code /openapi-source} builds it again. */
    static boolean forget() {
        ClassLoader loader = payara;
        if (loader == null) {
            return false;
        }
        try {
            Class<?> service = Class.forName("fish.payara.microprofile.openapi.impl.OpenApiService", true, loader);
            Object instance = service.getMethod("getInstance").invoke(null);
            synchronized (instance) { // getDocument() is synchronized on the service
                Field documents = field(service, "documents");
                for (Object supplier : ((Map<?, ?>) documents.get(instance)).values()) {
                    field(supplier.getClass(), "document").set(supplier, null);
                }
                field(service, "cachedResult").set(instance, null);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("event=openapi.stale-plugins reason=\"Payara's document could not be rebuilt: " + e + "\"");
            return false;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
