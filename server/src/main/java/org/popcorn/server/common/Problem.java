package org.popcorn.server.common;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 * {@code field} names the request field at fault, when there is one; {@code errors} lists every field problem.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonbPropertyOrder({"type", "title", "status", "code", "detail", "field", "rule", "errors", "instance"})
public class Problem {
    public String type = "about:blank";
    public String title;
    public int status;
    @Schema(description = "A stable, machine-readable code for what went wrong (e.g. request.wrong-type, signup.full)")
    public String code;
    public String detail;
    public String field;
    @Schema(description = "The rule that failed, when a business rule refused the request (e.g. an eligibility rule)")
    public String rule;
    public List<FieldError> errors;
    public String instance;

    /** One problem with one request field. */
    @Schema(name = "FieldError")
    public static class FieldError {
        public String field;
        public String message;

        public FieldError() {
        }

        public FieldError(String field, String message) {
            this.field = field;
            this.message = message;
        }
    }
}
