package org.popcorn.plugins.meetups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Upgrading the plugin keeps its data: a meetup made by plugin 0.1 (schema V1) survives V2, its creator becomes its host. */
class MeetupsMigrationTest {

    @Test
    void aMeetupFromTheFirstSchemaSurvivesTheUpgrade() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:meetups-upgrade;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/plugin-meetups").table("meetups_schema_history").target("1").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into meetups_meetup (city_id, title, venue_name, starts_at, ends_at, capacity, max_guests, kind, status, "
                    + "created_by, created_at) values (7, 'Old one', ' Panda  Hall', timestamp with time zone '2027-01-01 10:00:00+00', "
                    + "timestamp with time zone '2027-01-01 12:00:00+00', 30, 1, 'FAN', 'PUBLISHED', 42, current_timestamp)");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/plugin-meetups").table("meetups_schema_history").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select m.title, m.capacity, m.newcomer_seats, m.venue_key, h.member_id from meetups_meetup m "
                     + "join meetups_host h on h.meetup_id = m.id")) {
            rs.next();
            assertEquals("Old one", rs.getString(1));
            assertEquals(30, rs.getInt(2));
            assertEquals(0, rs.getInt(3), "no newcomer seats appear out of thin air");
            assertEquals("panda  hall", rs.getString(4));
            assertEquals(42, rs.getLong(5), "the creator hosts it");
        }
    }
}
