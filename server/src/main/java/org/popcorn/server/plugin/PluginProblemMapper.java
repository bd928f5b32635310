package org.popcorn.server.plugin;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.popcorn.api.PluginProblem;
import org.popcorn.server.common.Problem;
import org.popcorn.server.common.Problems;

/** A plugin's {@link PluginProblem} becomes an {@code application/problem+json} answer, like the core's errors. */
@Provider
public class PluginProblemMapper implements ExceptionMapper<PluginProblem> {

    @Override
    public Response toResponse(PluginProblem e) {
        Response.Status s = Response.Status.fromStatusCode(e.status());
        Response r = Problems.response(e.status(), e.code() != null ? e.code() : "http." + e.status(), s == null ? Problems.reasonPhrase(e.status()) : s.getReasonPhrase(),
                e.getMessage(), e.field() == null ? null : List.of(new Problem.FieldError(e.field(), e.getMessage())));
        ((Problem) r.getEntity()).rule = e.rule();
        return r;
    }
}
