package org.popcorn.server.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem answers. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf(PROBLEM_JSON);

    private Problems() {
    }

    public static Response response(int status, String title, String detail, List<Problem.FieldError> errors) {
        Problem p = new Problem();
        p.status = status;
        p.title = title;
        p.detail = detail;
        if (errors != null && !errors.isEmpty()) {
            p.errors = errors;
            p.field = errors.get(0).field;
        }
        return Response.status(status).type(PROBLEM_JSON_TYPE).entity(p).build();
    }
}
