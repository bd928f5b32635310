package org.popcorn.server.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.popcorn.server.common.Problems;

/**
 * The error page for answers the servlet container makes itself (an address no servlet serves, a path it refuses
 * to map, an exception that escaped a filter), declared in {@code web.xml}. Under {@code /api} it answers
 * {@code application/problem+json} like the rest of the API; elsewhere a short page. Neither ever shows a stack
 * trace or the server's name.
 */
@WebServlet(urlPatterns = "/_error")
public class ContainerErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404; // reached directly: there is nothing here
        Object uriAttr = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = uriAttr == null ? "" : uriAttr.toString();
        Throwable error = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error != null) {
            status = 500;
            LOG.log(Level.SEVERE, "event=request.failed-outside-api uri=" + uri, error);
        }
        String detail = switch (status) {
            case 400 -> "The request is malformed.";
            case 403 -> "This address may not be used.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the request body as application/json.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request cannot be answered.";
        };
        res.setHeader("Cache-Control", "no-store");
        if (uri.startsWith(req.getContextPath() + "/api")) {
            ProblemWriter.write(res, status, "http." + status, Problems.reasonPhrase(status), detail, null);
            return;
        }
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType("text/html; charset=UTF-8");
        String reason = Problems.reasonPhrase(status);
        byte[] page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + status + " " + reason
                + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + status + " " + reason + "</h1><p>"
                + detail + "</p><p><a href=\"/\">Popcorn</a></p></body></html>").getBytes(StandardCharsets.UTF_8);
        res.setContentLength(page.length);
        res.getOutputStream().write(page);
    }
}
