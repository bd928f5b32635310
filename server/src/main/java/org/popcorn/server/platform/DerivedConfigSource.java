package org.popcorn.server.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the configuration values that are derived from other values, at the lowest priority so that
 * anything set explicitly (system property, environment, properties file) wins.
 *
 * <ul>
 *   <li>{@code popcorn.db.url}: an H2 file database {@code popcorn} inside {@code popcorn.data.dir}, with
 *       {@code WRITE_DELAY=0} so that every acknowledged commit survives a {@code kill -9}, and a parsed-statement
 *       cache per connection ({@code QUERY_CACHE_SIZE=64}; H2 keeps 8, fewer than one request uses).</li>
 *   <li>{@code popcorn.db.datasource-class}: the JDBC data source class that matches the URL
 *       ({@code jdbc:postgresql:} selects PostgreSQL, anything else H2).</li>
 * </ul>
 * It reads the raw inputs from system properties and the environment itself, because a config source cannot
 * ask the {@code Config} it belongs to.
 */
public class DerivedConfigSource implements ConfigSource {

    static final String DATA_DIR = "popcorn.data.dir";
    static final String DB_URL = "popcorn.db.url";
    static final String DS_CLASS = "popcorn.db.datasource-class";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(DB_URL, DS_CLASS);
    }

    @Override
    public String getValue(String name) {
        if (DB_URL.equals(name)) {
            return defaultDbUrl();
        }
        if (DS_CLASS.equals(name)) {
            return dataSourceClassFor(effectiveDbUrl());
        }
        return null;
    }

    @Override
    public String getName() {
        return "popcorn-derived-defaults";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(DB_URL, defaultDbUrl(), DS_CLASS, dataSourceClassFor(effectiveDbUrl()));
    }

    static String defaultDbUrl() {
        String dir = raw(DATA_DIR);
        if (dir == null || dir.isBlank()) {
            dir = "./data";
        }
        Path file = Path.of(dir).toAbsolutePath().normalize().resolve("popcorn");
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    }

    static String effectiveDbUrl() {
        String url = raw(DB_URL);
        return url == null || url.isBlank() ? defaultDbUrl() : url;
    }

    /** The data source class for a JDBC URL: PostgreSQL for {@code jdbc:postgresql:}, H2 otherwise. */
    public static String dataSourceClassFor(String url) {
        return url != null && url.startsWith("jdbc:postgresql:")
                ? "org.postgresql.ds.PGSimpleDataSource"
                : "org.h2.jdbcx.JdbcDataSource";
    }

    private static String raw(String key) {
        String value = System.getProperty(key);
        if (value != null) {
            return value;
        }
        String env = key.toUpperCase().replace('.', '_').replace('-', '_');
        return System.getenv(env);
    }
}
