package org.popcorn.server.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Strong entity tags for conditional GETs: a hash of the bytes sent, and the {@code If-None-Match} test. */
public final class ETags {

    private ETags() {
    }

    /** The quoted tag of a body: 160 bits of its SHA-256, URL-safe Base64. */
    public static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when an {@code If-None-Match} header names this tag (or {@code *}); weak comparison, as RFC 9110 asks. */
    public static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(tag) || c.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }
}
