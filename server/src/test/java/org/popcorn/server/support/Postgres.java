package org.popcorn.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL cluster for the tests: {@code initdb} into a temporary directory, started on loopback on
 * a free port with its socket in that directory, and stopped when the test JVM ends (its data removed, its logs
 * kept). Needs Debian's {@code postgresql} package (server binaries); {@code .ci/run} installs it. As root it runs the
 * server as the {@code postgres} user, since PostgreSQL refuses to run as root.
 *
 * <p>One cluster serves a whole test run; {@link #recreate(String)} gives each test class an empty database.
 */
public final class Postgres {

    /** The role the server connects as; it owns the test databases. */
    public static final String USER = "popcorn";

    private static Postgres running;

    private final Path dir;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private final Path bin;
    private final List<String> asPostgres;

    private Postgres(Path bin) throws IOException {
        this.bin = bin;
        this.dir = Files.createTempDirectory("popcorn-pg-");
        this.port = freePort();
        this.asPostgres = isRoot() ? List.of("runuser", "-u", "postgres", "--") : List.of();
    }

    /** The cluster of this test run, started on first use. */
    public static synchronized Postgres cluster() {
        if (running == null) {
            Path bin = serverBinaries();
            try {
                Postgres pg = new Postgres(bin);
                pg.start();
                Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "postgres-stop"));
                running = pg;
            } catch (IOException | InterruptedException | SQLException e) {
                throw new IllegalStateException("could not start a PostgreSQL cluster for the tests: " + e.getMessage(), e);
            }
        }
        return running;
    }

    /** The JDBC URL of a database in this cluster. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /**
     * Runs one of PostgreSQL's client programs ({@code pg_dump}, {@code pg_restore}...) against this cluster as
     * {@link #USER}; {@code -h}/{@code -p}/{@code -U} are added. Fails unless it exits with 0.
     */
    public void client(String program, String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve(program).toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", USER));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("commands.log"));
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database (closing whatever still holds it) and creates it empty, owned by {@link #USER}. */
    public void recreate(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " owner " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + database + ": " + e.getMessage(), e);
        }
    }

    private void start() throws IOException, InterruptedException, SQLException {
        if (!asPostgres.isEmpty()) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        List<String> initdb = new ArrayList<>(asPostgres);
        initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"));
        run(initdb);
        List<String> pgCtl = new ArrayList<>(asPostgres);
        pgCtl.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300"
                        + " -c fsync=on -c synchronous_commit=on", "start"));
        run(pgCtl);
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create role " + USER + " login password '" + password + "'");
        }
    }

    private void stop() {
        List<String> pgCtl = new ArrayList<>(asPostgres);
        pgCtl.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast",
                "-w", "stop"));
        try {
            run(pgCtl);
            List<String> rm = new ArrayList<>(asPostgres);
            rm.addAll(List.of("rm", "-rf", dir.resolve("data").toString()));
            run(rm); // the logs stay beside it
        } catch (IOException | InterruptedException e) {
            System.err.println("PostgreSQL test cluster in " + dir + " did not stop: " + e.getMessage());
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed; see " + dir.resolve("commands.log"));
        }
    }

    private static Path serverBinaries() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String p : path.split(":")) {
                candidates.add(Path.of(p));
            }
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
                    .forEach(v -> candidates.add(v.resolve("bin")));
        } catch (IOException none) {
            // no Debian PostgreSQL installation
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("pg_ctl"))) {
                try { // /usr/local/bin may hold a link to initdb alone: use the directory of the real binaries
                    return candidate.resolve("initdb").toRealPath().getParent();
                } catch (IOException e) {
                    return candidate.toAbsolutePath();
                }
            }
        }
        throw new IllegalStateException("PostgreSQL's server binaries (initdb, pg_ctl) are not installed: "
                + "apt-get install postgresql (.ci/run does), or skip these tests with -DskipPostgresITs");
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            String uid = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return "0".equals(uid);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
