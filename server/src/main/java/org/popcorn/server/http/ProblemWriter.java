package org.popcorn.server.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.popcorn.server.common.JsonbConfigurator;
import org.popcorn.server.common.Problem;
import org.popcorn.server.common.Problems;

/** Writes a problem answer straight to a servlet response, for errors that happen before or outside JAX-RS. */
final class ProblemWriter {

    private ProblemWriter() {
    }

    static void write(HttpServletResponse res, int status, String code, String title, String detail, String field)
            throws IOException {
        if (res.isCommitted()) {
            return;
        }
        Problem p = new Problem();
        p.status = status;
        p.code = code;
        p.title = title;
        p.detail = detail;
        if (field != null) {
            p.field = field;
            p.errors = List.of(new Problem.FieldError(field, detail));
        }
        byte[] body = JsonbConfigurator.jsonb().toJson(p).getBytes(StandardCharsets.UTF_8);
        res.resetBuffer();
        res.setStatus(status);
        ReasonPhrase.apply(res, status);
        res.setContentType(Problems.PROBLEM_JSON);
        res.setCharacterEncoding("UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        res.flushBuffer();
    }
}
