package org.popcorn.server.support;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server for the test classes that only read and write through the API and the browser, each with its own members,
 * rounds and meetups: started once per test run from the real artefact ({@code target/popcorn.jar}) with the same
 * settings Arquillian gives a class of its own ({@code arquillian.xml}'s {@code cmdOptions}), and stopped when the run
 * ends. A class that changes the server's set-up (plugins, configuration, processes) or needs a database of its own
 * keeps its own Arquillian deployment. Starting a server costs ~35 s, so each class sharing it saves that.
 *
 * <p>Use: {@code @ExtendWith(SharedServer.class)} on the class and {@code URL base = SharedServer.url();} as a field.
 */
public final class SharedServer implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);
    private static volatile URL url;

    /** The shared server's address; the class must carry {@code @ExtendWith(SharedServer.class)}. */
    public static URL url() {
        if (url == null) {
            throw new IllegalStateException("the shared server is not started: annotate the class with @ExtendWith(SharedServer.class)");
        }
        return url;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> start(), Running.class);
    }

    /** The running server, stopped when JUnit closes the root store at the end of the run. */
    static final class Running implements ExtensionContext.Store.CloseableResource {

        final Process process;

        Running(Process process) {
            this.process = process;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Running start() {
        try {
            int port = PopcornJar.freePort();
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of(arquillianOption("cmdOptions").trim().split("\\s+")));
            cmd.addAll(List.of("-jar", Path.of("target/popcorn.jar").toAbsolutePath().toString(), "--port", String.valueOf(port), "--nocluster"));
            Path log = Path.of("target/shared-server.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly)); // never outlive the test JVM
            URL at = new URL("http://localhost:" + port + "/");
            PopcornJar.awaitReady(new Api(at), p);
            url = at;
            return new Running(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the shared server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A property of arquillian.xml's container with its {@code ${...}} filled from the system properties, as Arquillian does. */
    static String arquillianOption(String name) throws IOException {
        String xml = Files.readString(Path.of("src/test/resources/arquillian.xml"));
        Matcher m = Pattern.compile("<property name=\"" + name + "\">([^<]*)</property>").matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in arquillian.xml");
        }
        Matcher v = Pattern.compile("\\$\\{([^}]+)}").matcher(m.group(1));
        StringBuilder out = new StringBuilder();
        while (v.find()) {
            v.appendReplacement(out, Matcher.quoteReplacement(System.getProperty(v.group(1), "")));
        }
        v.appendTail(out);
        return out.toString();
    }
}
