package org.popcorn.api;

/**
 * An error a plugin reports to its HTTP client. The host answers it as {@code application/problem+json} with this
 * status, the message as {@code detail} and the offending request field, if any. Nothing is changed when a plugin
 * throws it before writing, or inside {@link Database#inTransaction}, which rolls back.
 */
public class PluginProblem extends RuntimeException {

    private final int status;
    private final String field;

    /** A problem with an HTTP status (400, 401, 403, 404, 409, 422...), a message a person can act on, and the field at fault (or null). */
    public PluginProblem(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** 404: the thing asked for does not exist. */
    public static PluginProblem notFound(String message) {
        return new PluginProblem(404, message, null);
    }

    /** 403: the caller may not do this. */
    public static PluginProblem forbidden(String message) {
        return new PluginProblem(403, message, null);
    }

    /** 409: the request conflicts with the current state. */
    public static PluginProblem conflict(String message, String field) {
        return new PluginProblem(409, message, field);
    }

    /** 422: a field's value is not acceptable. */
    public static PluginProblem invalid(String message, String field) {
        return new PluginProblem(422, message, field);
    }
}
