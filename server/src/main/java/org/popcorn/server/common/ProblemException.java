package org.popcorn.server.common;

import jakarta.ws.rs.core.Response;

/**
 * Thrown by services when a request cannot be carried out; becomes an {@code application/problem+json} answer.
 * Services throw it before changing anything, or inside the transaction that it rolls back.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final Long retryAfterSeconds;
    private String rule;
    private String code;

    public ProblemException(int status, String title, String detail, String field, Long retryAfterSeconds) {
        super(shorten(detail, 600));
        this.status = status;
        this.title = title;
        this.field = shorten(field, 120);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException badRequest(String detail, String field) {
        return new ProblemException(400, "Bad request", detail, field, null);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Not authenticated", detail, null, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Not allowed", detail, null, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null, null);
    }

    public static ProblemException conflict(String detail, String field) {
        return new ProblemException(409, "Conflict", detail, field, null);
    }

    public static ProblemException unprocessable(String detail, String field) {
        return new ProblemException(422, "Invalid value", detail, field, null);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "Too many requests", detail, null, retryAfterSeconds);
    }

    /** A value from a request, cut to a length that is safe to quote back in an answer or a log line. */
    public static String shorten(String value) {
        return shorten(value, 80);
    }

    static String shorten(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max) + "… (" + value.length() + " characters)";
    }

    /** Names the rule that failed (e.g. an eligibility rule), reported as the problem's {@code rule}. */
    public ProblemException withRule(String rule) {
        this.rule = rule;
        return this;
    }

    /** A stable, machine-readable code for the problem (e.g. {@code request.wrong-type}). */
    public ProblemException withCode(String code) {
        this.code = code;
        return this;
    }

    public String rule() {
        return rule;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Response toResponse() {
        Problem p = new Problem();
        p.status = status;
        p.title = title;
        p.detail = getMessage();
        p.field = field;
        p.rule = rule;
        p.code = code;
        if (field != null) {
            p.errors = java.util.List.of(new Problem.FieldError(field, getMessage()));
        }
        Response.ResponseBuilder rb = Response.status(status, Problems.reasonPhrase(status)).type(Problems.PROBLEM_JSON).entity(p);
        if (retryAfterSeconds != null) {
            rb.header("Retry-After", retryAfterSeconds);
        }
        return rb.build();
    }
}
