package org.popcorn.server.common;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case that may be run again when its transaction lost a race with a concurrent one (an optimistic
 * version check, or a unique key another request inserted first): a double click or a second tab then succeeds
 * with the state the other request left, instead of failing. Put it on a {@code @Transactional} method that is safe
 * to repeat; it only retries when it started the transaction itself. See {@link ConflictRetryInterceptor}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryOnConflict {
}
