package org.popcorn.plugins.meetups;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.popcorn.api.Database;
import org.popcorn.api.PluginProblem;

/** The meetups table, through the SDK's transactions. */
public class MeetupStore {

    /** A meetup row. */
    public static class Meetup {
        public long id;
        public long cityId;
        public String title;
        public String description;
        public String venueName;
        public String venueAddress;
        public String startsAt;
        public String endsAt;
        public int capacity;
        public int maxGuests;
        public String kind;
        public String status;
        public String cancelReason;
        public long createdBy;
        public Long roundId;
        public Integer pledges;
    }

    private final Database db;

    MeetupStore(Database db) {
        this.db = db;
    }

    long insert(Meetup m) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into meetups_meetup (city_id, title, description, venue_name, "
                    + "venue_address, starts_at, ends_at, capacity, max_guests, kind, status, created_by, round_id, pledges, created_at) "
                    + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, m.cityId);
                ps.setString(2, m.title);
                ps.setString(3, m.description);
                ps.setString(4, m.venueName);
                ps.setString(5, m.venueAddress);
                ps.setObject(6, OffsetDateTime.parse(m.startsAt));
                ps.setObject(7, OffsetDateTime.parse(m.endsAt));
                ps.setInt(8, m.capacity);
                ps.setInt(9, m.maxGuests);
                ps.setString(10, m.kind);
                ps.setString(11, m.status);
                ps.setLong(12, m.createdBy);
                ps.setObject(13, m.roundId);
                ps.setObject(14, m.pledges);
                ps.setObject(15, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
    }

    Meetup get(long id) {
        return db.inTransaction(c -> find(c, id));
    }

    void setStatus(long id, String status, String reason) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update meetups_meetup set status = ?, cancel_reason = ? where id = ?")) {
                ps.setString(1, status);
                ps.setString(2, reason);
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    boolean existsForRound(long roundId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from meetups_meetup where round_id = ?")) {
                ps.setLong(1, roundId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Meetups of a city (or all), by start time; {@code statuses} filters. */
    List<Meetup> list(Long cityId, List<String> statuses, int page, int size) {
        return db.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("select id from meetups_meetup where 1 = 1");
            if (cityId != null) {
                sql.append(" and city_id = ?");
            }
            sql.append(" and status in (").append(String.join(",", statuses.stream().map(s -> "?").toList())).append(")");
            sql.append(" order by starts_at, id limit ? offset ?");
            List<Meetup> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (cityId != null) {
                    ps.setLong(i++, cityId);
                }
                for (String s : statuses) {
                    ps.setString(i++, s);
                }
                ps.setInt(i++, size);
                ps.setInt(i, page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(find(c, rs.getLong(1)));
                    }
                }
            }
            return out;
        });
    }

    private Meetup find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, city_id, title, description, venue_name, venue_address, starts_at, "
                + "ends_at, capacity, max_guests, kind, status, cancel_reason, created_by, round_id, pledges from meetups_meetup where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw PluginProblem.notFound("No meetup with id " + id + ".");
                }
                Meetup m = new Meetup();
                m.id = rs.getLong(1);
                m.cityId = rs.getLong(2);
                m.title = rs.getString(3);
                m.description = rs.getString(4);
                m.venueName = rs.getString(5);
                m.venueAddress = rs.getString(6);
                m.startsAt = rs.getObject(7, OffsetDateTime.class).toInstant().toString();
                m.endsAt = rs.getObject(8, OffsetDateTime.class).toInstant().toString();
                m.capacity = rs.getInt(9);
                m.maxGuests = rs.getInt(10);
                m.kind = rs.getString(11);
                m.status = rs.getString(12);
                m.cancelReason = rs.getString(13);
                m.createdBy = rs.getLong(14);
                long round = rs.getLong(15);
                m.roundId = rs.wasNull() ? null : round;
                int pledges = rs.getInt(16);
                m.pledges = rs.wasNull() ? null : pledges;
                return m;
            }
        }
    }
}
