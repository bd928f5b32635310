package org.popcorn.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The migrations run from scratch on H2, in its own mode and in PostgreSQL mode, and seed the city catalogue. */
class MigrationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
    void migrateFromScratchAndSeedCities(String mode) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:migrations" + mode.hashCode() + ";DB_CLOSE_DELAY=-1" + mode);
        ds.setUser("sa");
        Flyway flyway = Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration", "classpath:org/popcorn/server/platform/migration").load();
        assertTrue(flyway.migrate().migrationsExecuted >= 2);
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second start applies nothing");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            ResultSet count = s.executeQuery("select count(*) from city");
            count.next();
            assertTrue(count.getInt(1) >= 500, "cities: " + count.getInt(1));
            ResultSet bj = s.executeQuery("select c.ascii_name, c.time_zone from city c join city_name n on n.city_id = c.id "
                    + "where n.search_key = '北京'");
            assertTrue(bj.next(), "北京 is a name of a city");
            assertEquals("Beijing", bj.getString(1));
            assertEquals("Asia/Shanghai", bj.getString(2));
            ResultSet levels = s.executeQuery("select count(*) from level_def");
            levels.next();
            assertTrue(levels.getInt(1) >= 5);
        }
    }
}
