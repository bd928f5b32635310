package org.popcorn.server.plugin;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.spi.internal.ResourceMethodInvocationHandlerProvider;
import org.pf4j.PluginClassLoader;

/**
 * Runs every resource method of a plugin (a class its own class loader loaded) as one {@link PluginUnitOfWork}:
 * the method's SQL and every SDK call it makes commit together, or not at all. The answer's body is written after the
 * commit, so a 2xx is never sent for work that did not commit. Core resources are left to their own
 * {@code @Transactional} services.
 *
 * <p>Jersey's invocation-handler SPI is the one place that sees the call of a sub-resource's method with its
 * arguments already read, so the whole method (and a retry after a lost race) can be wrapped.
 */
@Provider
public class PluginInvocations implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(new Handlers()).to(ResourceMethodInvocationHandlerProvider.class);
            }
        });
        return true;
    }

    /** Gives plugin methods the unit-of-work handler; answers null (Jersey's default) for the core's. */
    static final class Handlers implements ResourceMethodInvocationHandlerProvider {

        private volatile PluginUnitOfWork units;

        @Override
        public InvocationHandler create(Invocable invocable) {
            Class<?> type = invocable.getHandler().getHandlerClass();
            if (type == null || !(type.getClassLoader() instanceof PluginClassLoader)) {
                return null;
            }
            return (target, method, args) -> {
                try {
                    return units().run(() -> {
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            Throwable cause = e.getCause();
                            if (cause instanceof Exception ex) {
                                throw ex;
                            }
                            throw (Error) cause;
                        }
                    });
                } catch (jakarta.transaction.TransactionalException e) {
                    // a failure at commit: the rule-level cause (a conflict, a constraint) is what the mappers know
                    throw new InvocationTargetException(e.getCause() != null ? e.getCause() : e);
                } catch (Exception e) {
                    // Jersey maps only what the method itself threw, i.e. what arrives wrapped like this
                    throw new InvocationTargetException(e);
                }
            };
        }

        private PluginUnitOfWork units() {
            PluginUnitOfWork u = units;
            if (u == null) {
                u = CDI.current().select(PluginUnitOfWork.class).get();
                units = u;
            }
            return u;
        }
    }
}
