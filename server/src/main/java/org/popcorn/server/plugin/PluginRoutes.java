package org.popcorn.server.plugin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads a plugin's routes from its JAX-RS annotations (for the manifest and the OpenAPI document). */
public final class PluginRoutes {

    private PluginRoutes() {
    }

    /**
     * One route: HTTP method, full path, Java method name, whether it takes a body, its query parameters, what it
     * answers, and the Java method that serves it (whose types and annotations describe it further).
     */
    public record Route(String method, String path, String operation, boolean hasBody, String summary, List<String> query,
                        String produces, Method javaMethod) {
    }

    public static List<Route> describe(String pluginId, Object resource) {
        List<Route> out = new ArrayList<>();
        if (resource != null) {
            walk("/api/plugins/" + pluginId, resource.getClass(), out, 0);
        }
        out.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return out;
    }

    private static void walk(String prefix, Class<?> type, List<Route> out, int depth) {
        if (depth > 4) {
            return;
        }
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class) {
                continue;
            }
            Path p = m.getAnnotation(Path.class);
            String path = p == null ? prefix : join(prefix, p.value());
            String verb = verb(m);
            if (verb != null) {
                boolean body = m.getParameterCount() > 0 && java.util.Arrays.stream(m.getParameterAnnotations())
                        .anyMatch(anns -> anns.length == 0);
                List<String> query = new ArrayList<>();
                for (Annotation[] anns : m.getParameterAnnotations()) {
                    for (Annotation a : anns) {
                        if (a instanceof jakarta.ws.rs.QueryParam q) {
                            query.add(q.value());
                        }
                    }
                }
                jakarta.ws.rs.Produces produces = m.getAnnotation(jakarta.ws.rs.Produces.class) != null
                        ? m.getAnnotation(jakarta.ws.rs.Produces.class) : type.getAnnotation(jakarta.ws.rs.Produces.class);
                String media = produces == null || produces.value().length == 0 ? "application/json" : produces.value()[0];
                out.add(new Route(verb, path, m.getName(), body, summary(m.getName()), List.copyOf(query), media, m));
            } else if (p != null) {
                walk(path, m.getReturnType(), out, depth + 1);
            }
        }
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            Class<? extends Annotation> t = a.annotationType();
            if (t == GET.class) {
                return "GET";
            } else if (t == POST.class) {
                return "POST";
            } else if (t == PUT.class) {
                return "PUT";
            } else if (t == DELETE.class) {
                return "DELETE";
            } else if (t == PATCH.class) {
                return "PATCH";
            } else if (t == HEAD.class) {
                return "HEAD";
            }
        }
        return null;
    }

    private static String join(String prefix, String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        p = p.replaceAll("\\{([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        return (prefix + p).replaceAll("/+$", "");
    }

    private static String summary(String javaName) {
        return javaName.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
