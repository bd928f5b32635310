package org.popcorn.server.backup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.server.common.ProblemException;

/**
 * Online backups of the embedded H2 database: {@code BACKUP TO} writes a consistent copy of the open database (while
 * the server keeps answering) into {@code <data dir>/backups/popcorn-<UTC time>.zip}, which holds
 * {@code popcorn.mv.db}. Restoring is: stop the server, unzip the file into the data directory, start. On PostgreSQL
 * the database's own tools ({@code pg_dump}) make the backup; docs/operations.md, "Backups".
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Resource(lookup = "java:app/jdbc/popcorn")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "popcorn.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "popcorn.db.url")
    String dbUrl;

    Clock clock = Clock.systemUTC();

    /** A backup file. */
    public record Backup(String file, long bytes, Instant createdAt) {
    }

    /** Writes a backup now; 409 {@code backup.not-h2} when the database is not the embedded H2. */
    public synchronized Backup create() {
        requireH2();
        Path dir = directory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        Path file = dir.resolve("popcorn-" + NAME.format(now) + ".zip");
        if (Files.exists(file)) {
            throw ProblemException.conflict("A backup was made this second; try again in a moment.", null).withCode("backup.too-soon");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
        Backup b = describe(file);
        LOG.info(() -> "event=backup.created file=" + b.file() + " bytes=" + b.bytes());
        return b;
    }

    /** The backups in the data directory, newest first. */
    public List<Backup> list() {
        requireH2();
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("popcorn-\\d{8}T\\d{6}Z\\.zip")).map(this::describe)
                    .sorted(Comparator.comparing(Backup::createdAt).reversed()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private Backup describe(Path file) {
        try {
            return new Backup(file.getFileName().toString(), Files.size(file), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Path directory() {
        return Path.of(dataDir).toAbsolutePath().normalize().resolve("backups");
    }

    private void requireH2() {
        if (dbUrl == null || !dbUrl.startsWith("jdbc:h2:file:")) {
            throw ProblemException.conflict("This server's database is not the embedded H2 file; back it up with the database's "
                    + "own tools (PostgreSQL: pg_dump), as the operations guide describes.", null).withCode("backup.not-h2");
        }
    }
}
