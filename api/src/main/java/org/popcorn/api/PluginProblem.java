package org.popcorn.api;

/**
 * An error a plugin reports to its HTTP client. The host answers it as {@code application/problem+json} with this
 * status, the message as {@code detail} and the offending request field, if any. Nothing is changed when a plugin
 * throws it before writing, or inside {@link Database#inTransaction}, which rolls back.
 *
 * @since 0.1.0
 */
public class PluginProblem extends RuntimeException {

    private final int status;
    private final String field;
    private String code;
    private String rule;

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

    /**
     * Names the problem with a stable, machine-readable code (e.g. {@code meetups.ended}); the host answers it as the
     * problem's {@code code}. Without one the host derives it from the status.
     *
     * @since 0.2.0
     */
    public PluginProblem withCode(String code) {
        this.code = code;
        return this;
    }

    /** The stable code, or null. @since 0.2.0 */
    public String code() {
        return code;
    }

    /**
     * Names the rule that was not met (e.g. {@code min-level:3} or {@code overlap:charity:shift-12}); the host answers it
     * as the problem's {@code rule}.
     *
     * @since 0.2.0
     */
    public PluginProblem withRule(String rule) {
        this.rule = rule;
        return this;
    }

    /** The rule not met, or null. @since 0.2.0 */
    public String rule() {
        return rule;
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
