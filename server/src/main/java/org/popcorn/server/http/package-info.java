/**
 * The HTTP edge: what every request passes before a resource sees it, and what every answer the container makes
 * looks like. Request bodies are read without holding a worker thread and refused over a size limit
 * ({@link org.popcorn.server.http.RequestBodyFilter}); JSON bodies must match the declared Java types exactly
 * ({@link org.popcorn.server.http.StrictJsonReader}); errors raised outside JAX-RS still answer
 * {@code application/problem+json} ({@link org.popcorn.server.http.ContainerErrorServlet}). It uses only
 * {@code common} (problem answers) and the platform's configuration.
 */
package org.popcorn.server.http;
