package org.popcorn.server.http;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET whose answer carries an {@code ETag} (a hash of the JSON it sends), so that a client that sends it
 * back in {@code If-None-Match} gets {@code 304 Not Modified} without the body. See {@link ETagFilter}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ConditionalGet {
}
