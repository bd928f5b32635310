package org.popcorn.plugins.meetups;

import static org.popcorn.plugins.meetups.Sql.instant;
import static org.popcorn.plugins.meetups.Sql.ts;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.popcorn.api.Database;
import org.popcorn.api.PluginProblem;

/** Tickets (check-in codes and check-ins), no-shows, ratings and private calendar feed tokens. */
class AttendanceStore {

    /** A member's ticket for a meetup. */
    record Ticket(long meetupId, long memberId, String code, boolean newcomerSeat, Instant checkedInAt) {
    }

    /** A rating with its comment. */
    record Rating(long memberId, int stars, String comment, Instant ratedAt) {
    }

    /** Unambiguous characters (no 0/O, 1/I/L) so a code can be read out and typed on a phone. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    AttendanceStore(Database db) {
        this.db = db;
    }

    static String newCode(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** The member's ticket, created with a fresh code if there is none yet. */
    Ticket ensureTicket(long meetupId, long memberId, boolean newcomerSeat) {
        for (int attempt = 1; ; attempt++) {
            Optional<Ticket> existing = ticket(meetupId, memberId);
            if (existing.isPresent()) {
                return existing.get();
            }
            Optional<Ticket> created = tryInsert(meetupId, memberId, newcomerSeat);
            if (created.isPresent()) {
                return created.get();
            }
            if (attempt == 3) {
                throw new IllegalStateException("no ticket for member " + memberId + " at meetup " + meetupId + " after 3 attempts");
            }
            // the same member's concurrent request created it (or the random code was taken): look again
        }
    }

    private Optional<Ticket> tryInsert(long meetupId, long memberId, boolean newcomerSeat) {
        String code = newCode(8);
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into meetups_ticket (meetup_id, member_id, code, newcomer_seat, created_at) "
                        + "values (?,?,?,?,?)")) {
                    ps.setLong(1, meetupId);
                    ps.setLong(2, memberId);
                    ps.setString(3, code);
                    ps.setBoolean(4, newcomerSeat);
                    ps.setObject(5, ts(Instant.now()));
                    return ps.executeUpdate();
                }
            });
            return Optional.of(new Ticket(meetupId, memberId, code, newcomerSeat, null));
        } catch (PluginProblem conflict) {
            return Optional.empty();
        }
    }

    Optional<Ticket> ticket(long meetupId, long memberId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select meetup_id, member_id, code, newcomer_seat, checked_in_at from meetups_ticket "
                    + "where meetup_id = ? and member_id = ?")) {
                ps.setLong(1, meetupId);
                ps.setLong(2, memberId);
                return one(ps);
            }
        });
    }

    Optional<Ticket> byCode(long meetupId, String code) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select meetup_id, member_id, code, newcomer_seat, checked_in_at from meetups_ticket "
                    + "where meetup_id = ? and code = ?")) {
                ps.setLong(1, meetupId);
                ps.setString(2, code);
                return one(ps);
            }
        });
    }

    /** Meetup ids of the member's tickets, newest meetups first. */
    List<Long> ticketMeetups(long memberId, int page, int size) {
        return db.inTransaction(c -> Sql.list(c, "select t.meetup_id from meetups_ticket t join meetups_meetup m on m.id = t.meetup_id "
                + "where t.member_id = ? order by m.starts_at desc, m.id limit ? offset ?", rs -> rs.getLong(1), memberId, size, (long) page * size));
    }

    long ticketCount(long memberId) {
        return count("select count(*) from meetups_ticket where member_id = ?", memberId);
    }

    void deleteTicket(long meetupId, long memberId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from meetups_ticket where meetup_id = ? and member_id = ? and checked_in_at is null")) {
                ps.setLong(1, meetupId);
                ps.setLong(2, memberId);
                return ps.executeUpdate();
            }
        });
    }

    /** Marks the ticket checked in; false when it already was (so attendance is counted once). */
    boolean checkIn(long meetupId, long memberId, long by) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update meetups_ticket set checked_in_at = ?, checked_in_by = ? "
                    + "where meetup_id = ? and member_id = ? and checked_in_at is null")) {
                ps.setObject(1, ts(Instant.now()));
                ps.setLong(2, by);
                ps.setLong(3, meetupId);
                ps.setLong(4, memberId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Whether the member ever checked in at a meetup (a member who never did is a newcomer). */
    boolean hasAttended(long memberId) {
        return count("select count(*) from meetups_ticket where member_id = ? and checked_in_at is not null", memberId) > 0;
    }

    // ---- no-shows ----

    void recordNoShow(long meetupId, long memberId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into meetups_no_show (meetup_id, member_id, recorded_at) "
                    + "select ?, ?, ? where not exists (select 1 from meetups_no_show where meetup_id = ? and member_id = ?)")) {
                ps.setLong(1, meetupId);
                ps.setLong(2, memberId);
                ps.setObject(3, ts(Instant.now()));
                ps.setLong(4, meetupId);
                ps.setLong(5, memberId);
                return ps.executeUpdate();
            }
        });
    }

    /** The members recorded as no-shows at a meetup. */
    java.util.Set<Long> noShows(long meetupId) {
        return db.inTransaction(c -> new java.util.HashSet<>(Sql.longs(c,
                "select member_id from meetups_no_show where meetup_id = ?", meetupId)));
    }

    /** When the member's no-shows since {@code since} were recorded, oldest first. */
    List<Instant> noShowsSince(long memberId, Instant since) {
        return db.inTransaction(c -> Sql.list(c, "select recorded_at from meetups_no_show where member_id = ? and recorded_at >= ? order by recorded_at",
                rs -> instant(rs, "recorded_at"), memberId, ts(since)));
    }

    // ---- ratings ----

    void rate(long meetupId, long memberId, int stars, String comment) {
        db.inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("update meetups_rating set stars = ?, comment = ?, rated_at = ? where meetup_id = ? and member_id = ?")) {
                ps.setInt(1, stars);
                ps.setString(2, comment);
                ps.setObject(3, ts(Instant.now()));
                ps.setLong(4, meetupId);
                ps.setLong(5, memberId);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("insert into meetups_rating (meetup_id, member_id, stars, comment, rated_at) values (?,?,?,?,?)")) {
                    ps.setLong(1, meetupId);
                    ps.setLong(2, memberId);
                    ps.setInt(3, stars);
                    ps.setString(4, comment);
                    ps.setObject(5, ts(Instant.now()));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    List<Rating> ratings(long meetupId, int page, int size) {
        return db.inTransaction(c -> Sql.list(c, "select member_id, stars, comment, rated_at from meetups_rating where meetup_id = ? "
                + "order by rated_at desc, member_id limit ? offset ?",
                rs -> new Rating(rs.getLong(1), rs.getInt(2), rs.getString(3), instant(rs, "rated_at")), meetupId, size, (long) page * size));
    }

    /** [count, sum of stars] of a meetup's ratings. */
    long[] ratingTotals(long meetupId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*), coalesce(sum(stars), 0) from meetups_rating where meetup_id = ?")) {
                ps.setLong(1, meetupId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            }
        });
    }

    // ---- private calendar feeds ----

    String feedToken(long memberId, boolean renew) {
        return db.inTransaction(c -> {
            if (!renew) {
                try (PreparedStatement ps = c.prepareStatement("select token from meetups_feed where member_id = ?")) {
                    ps.setLong(1, memberId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return rs.getString(1);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from meetups_feed where member_id = ?")) {
                ps.setLong(1, memberId);
                ps.executeUpdate();
            }
            String token = newCode(32);
            try (PreparedStatement ps = c.prepareStatement("insert into meetups_feed (member_id, token, created_at) values (?,?,?)")) {
                ps.setLong(1, memberId);
                ps.setString(2, token);
                ps.setObject(3, ts(Instant.now()));
                ps.executeUpdate();
            }
            return token;
        });
    }

    Optional<Long> feedOwner(String token) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select member_id from meetups_feed where token = ?")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    private long count(String sql, long param) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static Optional<Ticket> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static Ticket map(ResultSet rs) throws SQLException {
        return new Ticket(rs.getLong("meetup_id"), rs.getLong("member_id"), rs.getString("code"), rs.getBoolean("newcomer_seat"),
                instant(rs, "checked_in_at"));
    }
}
