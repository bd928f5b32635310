package org.popcorn.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.popcorn.server.support.DatabaseChoice;
import org.popcorn.server.support.Postgres;

/**
 * The core's migrations on the database this run tests (H2 in the first integration-test run, a real PostgreSQL in
 * the second): they apply from scratch, a second run applies nothing, and an upgrade from an older schema keeps the
 * data that was there. A migration that works on one database and not the other fails one of the two runs.
 */
class MigrationsIT {

    @Test
    void applyFromScratchAndOnceOnly() throws SQLException {
        DataSource ds = emptyDatabase("migrations_scratch");
        Flyway flyway = flyway(ds, MigrationVersion.LATEST);
        int applied = flyway.migrate().migrationsExecuted;
        assertTrue(applied >= 10, "applied " + applied);
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second start applies nothing");
        assertEquals(0, flyway.validateWithResult().invalidMigrations.size());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertTrue(count(s, "select count(*) from city") >= 500);
            assertTrue(count(s, "select count(*) from level_def") >= 5);
        }
    }

    @Test
    void upgradeFromAnOlderSchemaKeepsTheData() throws SQLException {
        DataSource ds = emptyDatabase("migrations_upgrade");
        flyway(ds, MigrationVersion.fromVersion("6")).migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into member (id, handle, handle_key, display_name, attendance_visible, joined_at) "
                    + "values (1, 'Old-Fan', 'old-fan', 'Old Fan', true, current_timestamp)");
            s.execute("insert into signup_pool (pool_key, capacity, taken, next_seq, created_at) "
                    + "values ('meetups:1:seats', 10, 1, 2, current_timestamp)");
            s.execute("insert into signup_place (pool_key, member_id, party_size, status, seq, joined_at) "
                    + "values ('meetups:1:seats', 1, 1, 'CONFIRMED', 1, current_timestamp)");
        }
        int applied = flyway(ds, MigrationVersion.LATEST).migrate().migrationsExecuted;
        assertTrue(applied >= 4, "applied " + applied);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            ResultSet member = s.executeQuery("select handle, attendance_visible from member where id = 1");
            assertTrue(member.next(), "the member is still there");
            assertEquals("Old-Fan", member.getString(1));
            assertTrue(member.getBoolean(2), "an existing member keeps the visibility they had");
            ResultSet pool = s.executeQuery("select capacity, taken, exclusive_time, closed from signup_pool "
                    + "where pool_key = 'meetups:1:seats'");
            assertTrue(pool.next(), "the pool is still there");
            assertEquals(10, pool.getInt(1));
            assertEquals(1, pool.getInt(2));
            assertFalse(pool.getBoolean(3), "an old pool is not timed");
            assertFalse(pool.getBoolean(4), "an old pool stays open");
            assertEquals(1, count(s, "select count(*) from signup_place where member_id = 1 and status = 'CONFIRMED'"));
            s.execute("insert into member (id, handle, handle_key, display_name, joined_at) "
                    + "values (2, 'New-Fan', 'new-fan', 'New Fan', current_timestamp)");
            ResultSet fresh = s.executeQuery("select attendance_visible from member where id = 2");
            fresh.next();
            assertFalse(fresh.getBoolean(1), "a new member starts private (V10)");
        }
    }

    /**
     * V12 moves a round's running totals into shards by recounting the ballots: the totals after the upgrade equal the
     * ballots that were there (not the old counters), each ballot is counted in its member's shard, and turnout keeps
     * its hours.
     */
    @Test
    void upgradeToShardedTalliesRecountsTheBallots() throws SQLException {
        DataSource ds = emptyDatabase("migrations_tallies");
        flyway(ds, MigrationVersion.fromVersion("11")).migrate();
        long a;
        long b;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            ResultSet cities = s.executeQuery("select id from city order by id");
            cities.next();
            a = cities.getLong(1);
            cities.next();
            b = cities.getLong(1);
            for (int m = 1; m <= 3; m++) { // members 1, 2 and 33: shards 1, 2 and 1
                long id = m == 3 ? 33 : m;
                s.execute("insert into member (id, handle, handle_key, display_name, joined_at) values (" + id + ", 'f" + id
                        + "', 'f" + id + "', 'Fan', current_timestamp)");
            }
            s.execute("insert into voting_round (id, title, state, created_by, opens_at, closes_at, mode, max_choices, "
                    + "candidate_mode, support_threshold, size_brackets, results_visibility, ballots, created_at, opened_at) "
                    + "values (7, 'Old round', 'OPEN', 1, current_timestamp, current_timestamp, 'APPROVAL', 2, 'FIXED', 3, "
                    + "'50,200', 'LIVE', 99, current_timestamp, current_timestamp)");
            s.execute("insert into round_candidate (round_id, city_id, votes, pledges, added_at) values (7, " + a + ", 99, 9, current_timestamp)");
            s.execute("insert into round_candidate (round_id, city_id, votes, pledges, added_at) values (7, " + b + ", 0, 0, current_timestamp)");
            s.execute("insert into round_size_tally (round_id, size, ballots) values (7, 50, 5)");
            s.execute("insert into round_size_tally (round_id, size, ballots) values (7, 200, 5)");
            s.execute("insert into round_turnout (round_id, hour_start, ballots) values (7, timestamp with time zone '2026-12-01 10:00:00+00', 3)");
            long[][] ballots = {{1, 50, 1}, {2, 200, 0}, {33, 200, 1}}; // member, size, pledge
            for (int i = 0; i < ballots.length; i++) {
                long[] x = ballots[i];
                s.execute("insert into ballot (id, round_id, member_id, size, pledge, receipt, cast_at, updated_at) values (" + (100 + i)
                        + ", 7, " + x[0] + ", " + x[1] + ", " + (x[2] == 1) + ", 'R" + i + "', current_timestamp, current_timestamp)");
                s.execute("insert into ballot_choice (ballot_id, city_id) values (" + (100 + i) + ", " + a + ")");
            }
            s.execute("insert into ballot_choice (ballot_id, city_id) values (101, " + b + ")");
        }
        flyway(ds, MigrationVersion.LATEST).migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertEquals(3, count(s, "select sum(ballots) from round_shard where round_id = 7"), "ballots recounted, not the old 99");
            assertEquals(32, count(s, "select count(*) from round_shard where round_id = 7"), "every shard has its gate");
            assertEquals(2, count(s, "select ballots from round_shard where round_id = 7 and shard = 1"), "members 1 and 33");
            assertEquals(3, count(s, "select sum(votes) from round_candidate_shard where round_id = 7 and city_id = " + a));
            assertEquals(2, count(s, "select sum(pledges) from round_candidate_shard where round_id = 7 and city_id = " + a));
            assertEquals(1, count(s, "select sum(votes) from round_candidate_shard where round_id = 7 and city_id = " + b));
            assertEquals(1, count(s, "select sum(ballots) from round_size_shard where round_id = 7 and size = 50"));
            assertEquals(2, count(s, "select sum(ballots) from round_size_shard where round_id = 7 and size = 200"));
            assertEquals(3, count(s, "select ballots from round_turnout_shard where round_id = 7 and hour_index = "
                    + java.time.Instant.parse("2026-12-01T10:00:00Z").getEpochSecond() / 3600));
            assertEquals(3, count(s, "select count(*) from ballot where round_id = 7"), "the ballots themselves stay");
        }
    }

    private static Flyway flyway(DataSource ds, MigrationVersion target) {
        return Flyway.configure().dataSource(ds).target(target)
                .locations("classpath:db/migration", "classpath:org/popcorn/server/platform/migration").load();
    }

    private static DataSource emptyDatabase(String name) {
        if (DatabaseChoice.onPostgres()) {
            Postgres pg = Postgres.cluster();
            pg.recreate(name);
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(pg.url(name));
            ds.setUser(Postgres.USER);
            ds.setPassword(pg.password());
            return ds;
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static int count(Statement s, String sql) throws SQLException {
        ResultSet r = s.executeQuery(sql);
        r.next();
        return r.getInt(1);
    }
}
