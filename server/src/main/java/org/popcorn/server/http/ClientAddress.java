package org.popcorn.server.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from: the peer's, or the first {@code X-Forwarded-For} entry when the deployment says
 * a trusted load balancer stands in front ({@code popcorn.http.trust-forwarded-for=true}).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String xff = request.getHeader("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                return xff.split(",")[0].strip();
            }
        }
        return request.getRemoteAddr();
    }
}
