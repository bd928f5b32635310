package org.popcorn.server.common;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception into an {@code application/problem+json} answer. Nothing but a short, human message ever
 * reaches the client; unexpected errors are logged with an id that the answer quotes.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** Rule violations raised by services. */
    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return e.toResponse();
        }
    }

    /** Bean Validation failures on request bodies and parameters: 422 listing every field. */
    @Provider
    public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldOf(v), ValidationTexts.of(v, org.popcorn.server.language.Language.current())))
                    .sorted(Comparator.comparing((Problem.FieldError f) -> f.field))
                    .toList();
            String detail = errors.stream().map(f -> f.field + ": " + f.message).reduce((a, b) -> a + "; " + b)
                    .orElse("The request is not valid.");
            return Problems.response(422, "request.invalid-field", "Invalid request", detail, errors);
        }

        static String fieldOf(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            // "register.arg0.handle" or "register.request.handle" -> "handle"
            String[] parts = path.split("\\.");
            jakarta.validation.Path.Node last = null;
            for (jakarta.validation.Path.Node n : v.getPropertyPath()) {
                last = n;
            }
            if (last != null && last.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                return "body"; // the request body itself, not one of its fields (never a Java parameter name)
            }
            return parts.length >= 3 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                    : parts[parts.length - 1];
        }
    }

    /** Malformed JSON or JSON that does not fit the expected shape (including unknown fields). */
    @Provider
    public static class JsonbMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problems.response(400, jsonCode(e), "Malformed request body", readable(e), null);
        }
    }

    /** Body reading failures wrapped by JAX-RS. */
    @Provider
    public static class ProcessingMapper implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            Throwable t = e;
            while (t != null && !(t instanceof JsonbException)) {
                t = t.getCause();
            }
            if (t != null) {
                return Problems.response(400, jsonCode((JsonbException) t), "Malformed request body", readable((JsonbException) t), null);
            }
            return unexpected(e);
        }
    }

    /** JAX-RS' own errors (404 for unknown paths, 405, 415, 400 for bad parameters...). */
    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response r = e.getResponse();
            int status = r.getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof JsonbException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                return Problems.response(400, jsonCode((JsonbException) cause), "Malformed request body", readable((JsonbException) cause), null);
            }
            String badParameter = badParameter(e);
            if (badParameter != null) {
                return Problems.response(400, "request.bad-parameter", "Bad request",
                        "The parameter '" + badParameter + "' does not have a valid value.",
                        List.of(new Problem.FieldError(badParameter, "Not a valid value.")));
            }
            String detail = switch (status) {
                case 404 -> "There is nothing at this address.";
                case 405 -> "This address does not accept " + (e instanceof NotAllowedException ? "that method." : "that request.");
                case 406 -> "This address cannot answer in the requested media type.";
                case 415 -> "Send the request body as application/json.";
                default -> e.getMessage();
            };
            Response built = Problems.response(status, "http." + status, Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR
                    ? reason(status) : "Error", detail, null);
            if (r.getHeaderString("Allow") != null) {
                return Response.fromResponse(built).header("Allow", r.getHeaderString("Allow")).build();
            }
            return built;
        }
    }

    /** Two writers changed the same row at once: ask the client to retry with fresh data. */
    @Provider
    public static class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return conflict();
        }
    }

    static Response conflict() {
        return Problems.response(409, "request.conflict", "Conflict",
                "Someone else changed this at the same time. Reload and try again.", null);
    }

    /** Anything else: 500 with an id, the details only in the log. */
    @Provider
    public static class CatchAllMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            ProblemException problem = findCause(e, ProblemException.class);
            if (problem != null) {
                return problem.toResponse();
            }
            ConstraintViolationException cve = findCause(e, ConstraintViolationException.class);
            if (cve != null) {
                return new ValidationMapper().toResponse(cve);
            }
            if (ConflictRetryInterceptor.Conflicts.isConflict(e)) {
                return conflict();
            }
            return unexpected(e);
        }
    }

    /**
     * The name of a query, header, cookie or form parameter that JAX-RS could not convert (Jersey answers those
     * 404 like an unknown path). A path parameter that does not convert stays 404: such an address names nothing.
     */
    static String badParameter(WebApplicationException e) {
        String type = e.getClass().getName();
        if (!type.startsWith("org.glassfish.jersey.server.ParamException$") || type.endsWith("$PathParamException")) {
            return null;
        }
        try {
            Object name = e.getClass().getMethod("getParameterName").invoke(e);
            return name == null ? "parameter" : name.toString();
        } catch (ReflectiveOperationException ex) {
            return "parameter";
        }
    }

    static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        Throwable t = e;
        int depth = 0;
        while (t != null && depth++ < 20) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            t = t.getCause();
        }
        return null;
    }

    static Response unexpected(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "event=request.failed errorId=" + id, e);
        return Problems.response(500, "http.500", "Internal error",
                "Something went wrong on our side. Quote error id " + id + " when you report it.", null);
    }

    /** {@code request.unknown-field} for a field the endpoint does not know, else {@code request.malformed-json}. */
    static String jsonCode(JsonbException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.contains("nknown property") || m.contains("nrecognized") ? "request.unknown-field" : "request.malformed-json";
    }

    static String readable(JsonbException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        if (m.contains("nknown property") || m.contains("nrecognized")) {
            return "The request has a field this endpoint does not know: " + m.replaceAll("(?s)\\s+", " ").trim();
        }
        return "The request body is not valid JSON of the expected shape.";
    }

    static String reason(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s != null ? s.getReasonPhrase() : "Error";
    }
}
