package org.popcorn.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DerivedConfigSourceTest {

    @Test
    void defaultDatabaseIsADurableH2FileInTheDataDir() {
        String url = DerivedConfigSource.defaultDbUrl();
        assertTrue(url.startsWith("jdbc:h2:file:/"), "absolute path: " + url);
        assertTrue(url.endsWith("/popcorn;WRITE_DELAY=0;QUERY_CACHE_SIZE=64"), "every commit written at once: " + url);
    }

    @Test
    void aPostgresUrlSelectsThePostgresDataSource() {
        assertEquals("org.postgresql.ds.PGSimpleDataSource", DerivedConfigSource.dataSourceClassFor("jdbc:postgresql://db/popcorn"));
        assertEquals("org.h2.jdbcx.JdbcDataSource", DerivedConfigSource.dataSourceClassFor("jdbc:h2:mem:x"));
    }
}
