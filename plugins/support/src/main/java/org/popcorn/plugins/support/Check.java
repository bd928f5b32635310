package org.popcorn.plugins.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.popcorn.api.PluginProblem;

/**
 * Input checks for plugin resources: each names the field at fault (422 {@link PluginProblem} with a {@code request.*}
 * code, e.g. {@code request.missing-field}), never coercing a wrong value into a right-looking one.
 */
public final class Check {

    private Check() {
    }

    /** Stripped text of at most {@code max} characters; null when absent and not required. */
    public static String text(String value, String field, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw PluginProblem.invalid("Give the " + field + ".", field).withCode("request.missing-field");
            }
            return null;
        }
        if (v.length() > max) {
            throw PluginProblem.invalid("The " + field + " has at most " + max + " characters.", field).withCode("request.too-long");
        }
        return v;
    }

    /** An ISO date such as 2027-03-01. */
    public static LocalDate date(String value, String field) {
        if (value == null) {
            throw PluginProblem.invalid("Give the " + field + " as a date, e.g. 2027-03-01.", field).withCode("request.missing-field");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw PluginProblem.invalid("'" + shorten(value) + "' is not a date like 2027-03-01.", field).withCode("request.invalid-date");
        }
    }

    /** An ISO-8601 instant such as 2027-03-01T02:00:00Z. */
    public static Instant instant(String value, String field) {
        if (value == null) {
            throw PluginProblem.invalid("Give the " + field + " as an instant, e.g. 2027-03-01T02:00:00Z.", field).withCode("request.missing-field");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw PluginProblem.invalid("'" + shorten(value) + "' is not an instant like 2027-03-01T02:00:00Z.", field).withCode("request.invalid-instant");
        }
    }

    /** A required whole number between {@code min} and {@code max}. */
    public static int range(Integer value, String field, int min, int max) {
        if (value == null) {
            throw PluginProblem.invalid("Give the " + field + ".", field).withCode("request.missing-field");
        }
        if (value < min || value > max) {
            throw PluginProblem.invalid("The " + field + " is between " + min + " and " + max + ".", field).withCode("request.out-of-range");
        }
        return value;
    }

    /**
     * The page and size of a list request: page 0 or more (default 0), size 1 to 100 (default 20).
     *
     * @return {@code {page, size}}
     */
    public static int[] paging(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw PluginProblem.invalid("page is 0 or more.", "page").withCode("request.bad-paging");
        }
        if (s < 1 || s > 100) {
            throw PluginProblem.invalid("size is between 1 and 100.", "size").withCode("request.bad-paging");
        }
        return new int[] {p, s};
    }

    /** A code: lower-case letters, digits and dashes. */
    public static String code(String value, String field) {
        String v = text(value, field, 40, true);
        if (!v.matches("[a-z0-9][a-z0-9-]*")) {
            throw PluginProblem.invalid("The " + field + " is lower-case letters, digits and dashes, e.g. team-lead.", field).withCode("request.invalid-identifier");
        }
        return v;
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
