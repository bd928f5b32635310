import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;

/**
 * Seeds a stopped Popcorn H2 database (already migrated by one server start) with one open round holding N ballots
 * from N members, and running totals that match them, so results-read latency can be measured at scale.
 * Usage: java -cp h2.jar bench/SeedBallots.java <data-dir> <ballots>. Prints the round id.
 */
public class SeedBallots {
    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + java.nio.file.Path.of(args[0]).toAbsolutePath() + "/popcorn";
        int n = Integer.parseInt(args[1]);
        try (Connection c = DriverManager.getConnection(url, "sa", "popcorn")) {
            c.setAutoCommit(false);
            long base = 50_000_000L;
            long roundId = 40_000_000L;
            long[] cities = new long[3];
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from city order by population desc limit 3")) {
                for (int i = 0; rs.next(); i++) {
                    cities[i] = rs.getLong(1);
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            long creator;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(id) from member")) {
                rs.next();
                creator = rs.getLong(1);
            }
            try (PreparedStatement r = c.prepareStatement("insert into voting_round (id, title, state, created_by, opens_at, closes_at, "
                    + "mode, max_choices, candidate_mode, support_threshold, size_brackets, results_visibility, created_at, opened_at) "
                    + "values (?, 'Seeded benchmark round', 'OPEN', ?, ?, ?, 'SINGLE', 1, 'FIXED', 3, '50,200,1000', 'LIVE', ?, ?)")) {
                r.setLong(1, roundId);
                r.setLong(2, creator);
                r.setTimestamp(3, now);
                r.setTimestamp(4, Timestamp.from(Instant.now().plusSeconds(86_400)));
                r.setTimestamp(5, now);
                r.setTimestamp(6, now);
                r.executeUpdate();
            }
            int shards = 32; // RoundTallies.SHARDS: a ballot is counted in the shard of its member (id mod 32)
            int[][] votes = new int[shards][3];
            int[][] pledges = new int[shards][3];
            int[][] sizes = new int[shards][3];
            int[] ballots = new int[shards];
            int[] brackets = {50, 200, 1000};
            Random random = new Random(7);
            try (PreparedStatement m = c.prepareStatement("insert into member (id, handle, handle_key, display_name, email, email_key, "
                    + "home_city_id, joined_at, points, lifetime_points) values (?, ?, ?, 'Seeded', ?, ?, ?, ?, 20, 20)");
                 PreparedStatement b = c.prepareStatement("insert into ballot (id, round_id, member_id, size, pledge, receipt, cast_at, "
                         + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement ch = c.prepareStatement("insert into ballot_choice (ballot_id, city_id) values (?, ?)")) {
                for (int i = 0; i < n; i++) {
                    long id = base + i;
                    String h = "seed-" + i;
                    m.setLong(1, id);
                    m.setString(2, h);
                    m.setString(3, h);
                    m.setString(4, h + "@example.org");
                    m.setString(5, h + "@example.org");
                    m.setLong(6, cities[0]);
                    m.setTimestamp(7, now);
                    m.addBatch();
                    int choice = random.nextInt(3);
                    int size = random.nextInt(3);
                    boolean pledge = random.nextBoolean();
                    int shard = (int) (id % shards);
                    ballots[shard]++;
                    votes[shard][choice]++;
                    sizes[shard][size]++;
                    if (pledge) {
                        pledges[shard][choice]++;
                    }
                    b.setLong(1, id);
                    b.setLong(2, roundId);
                    b.setLong(3, id);
                    b.setInt(4, brackets[size]);
                    b.setBoolean(5, pledge);
                    b.setString(6, String.format("SEED%016d", i));
                    b.setTimestamp(7, now);
                    b.setTimestamp(8, now);
                    b.addBatch();
                    ch.setLong(1, id);
                    ch.setLong(2, cities[choice]);
                    ch.addBatch();
                    if (i % 5000 == 4999) {
                        m.executeBatch();
                        b.executeBatch();
                        ch.executeBatch();
                        c.commit();
                    }
                }
                m.executeBatch();
                b.executeBatch();
                ch.executeBatch();
            }
            try (PreparedStatement t = c.prepareStatement("insert into round_candidate (round_id, city_id, added_at) values (?,?,?)")) {
                for (int i = 0; i < 3; i++) {
                    t.setLong(1, roundId);
                    t.setLong(2, cities[i]);
                    t.setTimestamp(3, now);
                    t.executeUpdate();
                }
            }
            try (PreparedStatement g = c.prepareStatement("insert into round_shard (round_id, shard, ballots) values (?,?,?)");
                 PreparedStatement t = c.prepareStatement("insert into round_candidate_shard (round_id, city_id, shard, votes, pledges) values (?,?,?,?,?)");
                 PreparedStatement z = c.prepareStatement("insert into round_size_shard (round_id, size, shard, ballots) values (?,?,?,?)");
                 PreparedStatement h = c.prepareStatement("insert into round_turnout_shard (round_id, hour_index, shard, ballots) values (?,?,?,?)")) {
                long hour = Math.floorDiv(Instant.now().getEpochSecond(), 3600L);
                for (int shard = 0; shard < shards; shard++) {
                    g.setLong(1, roundId);
                    g.setInt(2, shard);
                    g.setInt(3, ballots[shard]);
                    g.executeUpdate();
                    h.setLong(1, roundId);
                    h.setLong(2, hour);
                    h.setInt(3, shard);
                    h.setInt(4, ballots[shard]);
                    h.executeUpdate();
                    for (int i = 0; i < 3; i++) {
                        t.setLong(1, roundId);
                        t.setLong(2, cities[i]);
                        t.setInt(3, shard);
                        t.setInt(4, votes[shard][i]);
                        t.setInt(5, pledges[shard][i]);
                        t.executeUpdate();
                        z.setLong(1, roundId);
                        z.setInt(2, brackets[i]);
                        z.setInt(3, shard);
                        z.setInt(4, sizes[shard][i]);
                        z.executeUpdate();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("alter sequence member_seq restart with " + (base + n + 50));
                s.executeUpdate("alter sequence ballot_seq restart with " + (base + n + 50));
            }
            c.commit();
            System.out.println(roundId);
        }
    }
}
