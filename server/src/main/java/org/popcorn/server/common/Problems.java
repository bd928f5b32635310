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
        return response(status, null, title, detail, errors);
    }

    /** A problem answer with a stable machine-readable {@code code}. */
    public static Response response(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        Problem p = new Problem();
        p.code = code;
        detail = ProblemException.shorten(detail, 600);
        if (errors != null) {
            errors = errors.stream().map(e -> new Problem.FieldError(ProblemException.shorten(e.field, 120),
                    ProblemException.shorten(e.message, 300))).toList();
        }
        p.status = status;
        p.title = title;
        p.detail = detail;
        if (errors != null && !errors.isEmpty()) {
            p.errors = errors;
            p.field = errors.get(0).field;
        }
        return Response.status(status, reasonPhrase(status)).type(PROBLEM_JSON_TYPE).entity(p).build();
    }

    /** The standard reason phrase of a status (RFC 9110), also for those JAX-RS' own enum lacks (422 and 429). */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> {
                Response.Status s = Response.Status.fromStatusCode(status);
                yield s != null ? s.getReasonPhrase() : "Error";
            }
        };
    }
}
