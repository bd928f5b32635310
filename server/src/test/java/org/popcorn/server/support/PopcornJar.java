package org.popcorn.server.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real artefact, {@code java -jar target/popcorn.jar}, started as a separate process the way the README and the
 * operations guide run it (configuration through {@code POPCORN_*} environment variables), for the tests that kill,
 * restart or multiply servers.
 */
public final class PopcornJar {

    private PopcornJar() {
    }

    /**
     * Starts a server on {@code port} with its log at {@code <logDir>/server-<name>.log}; the PBKDF2 cost is lowered for
     * tests. Answers the process; see {@link #awaitReady}.
     */
    public static Process start(Path logDir, int port, String name, Map<String, String> env) throws IOException {
        File jar = new File("target/popcorn.jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("run 'mvn package' first: " + jar.getAbsolutePath());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.getAbsolutePath(), "--port", String.valueOf(port), "--nocluster")
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("server-" + name + ".log").toFile());
        pb.environment().put("POPCORN_AUTH_PBKDF2_ITERATIONS", "1024");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Waits until {@code /health/ready} answers 200 (at most 180 s); fails when the process ends first. */
    public static void awaitReady(Api api, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the server process ended while starting (exit " + p.exitValue() + ")");
            }
            try {
                if (api.send("GET", "health/ready", null, null, null).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not become ready in 180 s");
    }

    /** A port nobody listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
