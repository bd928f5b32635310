package org.popcorn.plugins.meetups;

import static org.popcorn.plugins.meetups.Sql.bind;
import static org.popcorn.plugins.meetups.Sql.instant;
import static org.popcorn.plugins.meetups.Sql.key;
import static org.popcorn.plugins.meetups.Sql.longs;
import static org.popcorn.plugins.meetups.Sql.marks;
import static org.popcorn.plugins.meetups.Sql.setInt;
import static org.popcorn.plugins.meetups.Sql.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.popcorn.api.Database;
import org.popcorn.api.PluginProblem;

/** The meetups tables (meetups, hosts, tags, recap photos, series), through the SDK's transactions. */
class MeetupStore {

    private static final String COLUMNS = "id, city_id, title, description, venue_name, venue_address, starts_at, ends_at, capacity, "
            + "max_guests, newcomer_seats, offer_hours, rsvp_opens_at, kind, status, cancel_reason, reject_reason, created_by, round_id, "
            + "pledges, series_id, cover_image_url, recap_text, finished_at, version";

    /** Filters for browsing; null fields do not filter. */
    static class Filter {
        Collection<Long> cityIds;
        Instant from;
        Instant to;
        Meetup.Kind kind;
        String tag;
        Long seriesId;
        Collection<Meetup.Status> statuses;
    }

    /** One page and the size of the whole list. */
    record Page(List<Meetup> items, long total) {
    }

    private final Database db;

    MeetupStore(Database db) {
        this.db = db;
    }

    long insert(Meetup m) {
        return db.inTransaction(c -> insert(c, m));
    }

    /** Inserts meetups (a series) in one transaction; answers their ids in order. */
    List<Long> insertSeries(String frequency, List<Meetup> occurrences) {
        return db.inTransaction(c -> {
            Meetup first = occurrences.get(0);
            long seriesId;
            try (PreparedStatement ps = c.prepareStatement("insert into meetups_series (city_id, frequency, occurrences, created_by, created_at) "
                    + "values (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, first.cityId);
                ps.setString(2, frequency);
                ps.setInt(3, occurrences.size());
                ps.setLong(4, first.createdBy);
                ps.setObject(5, ts(Instant.now()));
                ps.executeUpdate();
                seriesId = key(ps);
            }
            List<Long> ids = new ArrayList<>();
            for (Meetup m : occurrences) {
                m.seriesId = seriesId;
                ids.add(insert(c, m));
            }
            return ids;
        });
    }

    private long insert(Connection c, Meetup m) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("insert into meetups_meetup (city_id, title, description, venue_name, venue_address, "
                + "starts_at, ends_at, capacity, max_guests, newcomer_seats, offer_hours, rsvp_opens_at, kind, status, created_by, round_id, "
                + "pledges, series_id, cover_image_url, venue_key, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, m.cityId);
            ps.setString(2, m.title);
            ps.setString(3, m.description);
            ps.setString(4, m.venueName);
            ps.setString(5, m.venueAddress);
            ps.setObject(6, ts(m.startsAt));
            ps.setObject(7, ts(m.endsAt));
            ps.setInt(8, m.capacity);
            ps.setInt(9, m.maxGuests);
            ps.setInt(10, m.newcomerSeats);
            setInt(ps, 11, m.offerHours);
            ps.setObject(12, ts(m.rsvpOpensAt));
            ps.setString(13, m.kind.name());
            ps.setString(14, m.status.name());
            ps.setLong(15, m.createdBy);
            ps.setObject(16, m.roundId);
            setInt(ps, 17, m.pledges);
            ps.setObject(18, m.seriesId);
            ps.setString(19, m.coverImageUrl);
            ps.setString(20, Meetup.venueKey(m.venueName));
            ps.setObject(21, ts(Instant.now()));
            ps.executeUpdate();
            id = key(ps);
        }
        m.id = id;
        replaceHosts(c, id, m.hosts);
        replaceTags(c, id, m.tags);
        return id;
    }

    /** Saves the editable fields, hosts and tags of a meetup. */
    void update(Meetup m) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update meetups_meetup set title = ?, description = ?, venue_name = ?, "
                    + "venue_address = ?, starts_at = ?, ends_at = ?, capacity = ?, max_guests = ?, newcomer_seats = ?, offer_hours = ?, "
                    + "rsvp_opens_at = ?, cover_image_url = ?, venue_key = ?, kind = ?, version = version + 1 where id = ? and version = ?")) {
                ps.setString(1, m.title);
                ps.setString(2, m.description);
                ps.setString(3, m.venueName);
                ps.setString(4, m.venueAddress);
                ps.setObject(5, ts(m.startsAt));
                ps.setObject(6, ts(m.endsAt));
                ps.setInt(7, m.capacity);
                ps.setInt(8, m.maxGuests);
                ps.setInt(9, m.newcomerSeats);
                setInt(ps, 10, m.offerHours);
                ps.setObject(11, ts(m.rsvpOpensAt));
                ps.setString(12, m.coverImageUrl);
                ps.setString(13, Meetup.venueKey(m.venueName));
                ps.setString(14, m.kind.name());
                ps.setLong(15, m.id);
                ps.setLong(16, m.version);
                if (ps.executeUpdate() != 1) {
                    throw editedMeanwhile();
                }
            }
            replaceHosts(c, m.id, m.hosts);
            replaceTags(c, m.id, m.tags);
            return null;
        });
    }

    /** Another request changed the meetup after this one read it (its version moved on). */
    static PluginProblem editedMeanwhile() {
        return PluginProblem.conflict("Someone changed this meetup meanwhile. Here it is as it is now: apply your change again if it "
                + "still makes sense.", "version").withCode("meetups.edited-meanwhile");
    }

    /**
     * Moves a meetup from one status to another, only if it is still in {@code from}: answers false when another request
     * changed it first, so each transition happens once.
     */
    boolean transition(long id, Meetup.Status from, Meetup.Status to, String reason) {
        return db.inTransaction(c -> {
            String reasonColumn = to == Meetup.Status.REJECTED ? "reject_reason" : "cancel_reason";
            try (PreparedStatement ps = c.prepareStatement("update meetups_meetup set status = ?, " + reasonColumn + " = coalesce(?, "
                    + reasonColumn + "), finished_at = case when ? = 'FINISHED' then ? else finished_at end, version = version + 1 "
                    + "where id = ? and status = ?")) {
                ps.setString(1, to.name());
                ps.setString(2, reason);
                ps.setString(3, to.name());
                ps.setObject(4, ts(Instant.now()));
                ps.setLong(5, id);
                ps.setString(6, from.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    void saveRecap(long id, String text, List<String> photos) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update meetups_meetup set recap_text = ? where id = ?")) {
                ps.setString(1, text);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from meetups_recap_photo where meetup_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into meetups_recap_photo (meetup_id, position, url) values (?,?,?)")) {
                for (int i = 0; i < photos.size(); i++) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, photos.get(i));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    Meetup get(long id) {
        return db.inTransaction(c -> find(c, id));
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

    /** Meetups matching the filter, by start time. */
    Page list(Filter f, int page, int size) {
        return db.inTransaction(c -> {
            List<Object> params = new ArrayList<>();
            StringBuilder where = new StringBuilder(" from meetups_meetup m where 1 = 1");
            if (f.cityIds != null) {
                if (f.cityIds.isEmpty()) {
                    return new Page(List.of(), 0);
                }
                where.append(" and m.city_id in (").append(marks(f.cityIds.size())).append(")");
                params.addAll(f.cityIds);
            }
            if (f.from != null) {
                where.append(" and m.ends_at >= ?");
                params.add(ts(f.from));
            }
            if (f.to != null) {
                where.append(" and m.starts_at < ?");
                params.add(ts(f.to));
            }
            if (f.kind != null) {
                where.append(" and m.kind = ?");
                params.add(f.kind.name());
            }
            if (f.tag != null) {
                where.append(" and exists (select 1 from meetups_tag t where t.meetup_id = m.id and t.tag = ?)");
                params.add(f.tag);
            }
            if (f.seriesId != null) {
                where.append(" and m.series_id = ?");
                params.add(f.seriesId);
            }
            if (f.statuses != null) {
                where.append(" and m.status in (").append(marks(f.statuses.size())).append(")");
                f.statuses.forEach(s -> params.add(s.name()));
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Meetup> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select m.id" + where + " order by m.starts_at, m.id limit ? offset ?")) {
                bind(ps, params);
                ps.setInt(params.size() + 1, size);
                ps.setLong(params.size() + 2, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(find(c, rs.getLong(1)));
                    }
                }
            }
            return new Page(out, total);
        });
    }

    /** Published meetups whose start or end lies in a window (null bounds are open), soonest first, at most {@code max}. */
    List<Meetup> published(String column, Instant after, Instant before, int max) {
        return db.inTransaction(c -> meetups(c, "select id from meetups_meetup where status = 'PUBLISHED' and " + column + " >= ? and "
                + column + " < ? order by " + column + ", id limit ?", ts(after == null ? Instant.EPOCH : after), ts(before), max));
    }

    /** Cities that have meetups of these statuses ending after {@code from}. */
    List<Long> citiesWithMeetups(Collection<Meetup.Status> statuses, Instant from) {
        List<Object> params = new ArrayList<>(List.of(ts(from)));
        statuses.forEach(st -> params.add(st.name()));
        return db.inTransaction(c -> Sql.list(c, "select distinct city_id from meetups_meetup where ends_at >= ? and status in ("
                + marks(statuses.size()) + ")", rs -> rs.getLong(1), params.toArray()));
    }

    /** Other live meetups at the same venue of the city whose times overlap [start, end). */
    List<Meetup> clashes(long cityId, String venueName, Instant start, Instant end, Long exceptId) {
        return db.inTransaction(c -> meetups(c, "select id from meetups_meetup where city_id = ? and venue_key = ? and starts_at < ? "
                + "and ends_at > ? and status in ('PROPOSED', 'DRAFT', 'PUBLISHED') and id <> ? order by starts_at",
                cityId, Meetup.venueKey(venueName), ts(end), ts(start), exceptId == null ? -1L : exceptId));
    }

    /** Meetups waiting for approval in these cities (null: all cities). */
    Page proposals(Collection<Long> cityIds, int page, int size) {
        Filter f = new Filter();
        f.cityIds = cityIds;
        f.statuses = List.of(Meetup.Status.PROPOSED);
        return list(f, page, size);
    }

    /** Meetups a member hosts in these statuses. */
    List<Meetup> hostedBy(long memberId, Collection<Meetup.Status> statuses) {
        List<Object> params = new ArrayList<>(List.of(memberId));
        statuses.forEach(st -> params.add(st.name()));
        return db.inTransaction(c -> meetups(c, "select m.id from meetups_meetup m join meetups_host h on h.meetup_id = m.id where h.member_id = ? "
                + "and m.status in (" + marks(statuses.size()) + ") order by m.starts_at desc, m.id limit 200", params.toArray()));
    }

    /** The meetups whose ids a query selects, in its order. */
    private List<Meetup> meetups(Connection c, String idQuery, Object... params) throws SQLException {
        List<Meetup> out = new ArrayList<>();
        for (long id : Sql.list(c, idQuery, rs -> rs.getLong(1), params)) {
            out.add(find(c, id));
        }
        return out;
    }

    // ---- helpers ----

    private static void replaceHosts(Connection c, long id, List<Long> hosts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from meetups_host where meetup_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into meetups_host (meetup_id, member_id) values (?,?)")) {
            for (Long h : hosts) {
                ps.setLong(1, id);
                ps.setLong(2, h);
                ps.executeUpdate();
            }
        }
    }

    private static void replaceTags(Connection c, long id, List<String> tags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from meetups_tag where meetup_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into meetups_tag (meetup_id, tag) values (?,?)")) {
            for (String t : tags) {
                ps.setLong(1, id);
                ps.setString(2, t);
                ps.executeUpdate();
            }
        }
    }

    private Meetup find(Connection c, long id) throws SQLException {
        Meetup m = new Meetup();
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from meetups_meetup where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw PluginProblem.notFound("No meetup with id " + id + ".").withCode("meetups.meetup-not-found");
                }
                m.id = rs.getLong("id");
                m.cityId = rs.getLong("city_id");
                m.title = rs.getString("title");
                m.description = rs.getString("description");
                m.venueName = rs.getString("venue_name");
                m.venueAddress = rs.getString("venue_address");
                m.startsAt = instant(rs, "starts_at");
                m.endsAt = instant(rs, "ends_at");
                m.capacity = rs.getInt("capacity");
                m.maxGuests = rs.getInt("max_guests");
                m.newcomerSeats = rs.getInt("newcomer_seats");
                m.offerHours = rs.getObject("offer_hours", Integer.class);
                m.rsvpOpensAt = instant(rs, "rsvp_opens_at");
                m.kind = Meetup.Kind.valueOf(rs.getString("kind"));
                m.status = Meetup.Status.valueOf(rs.getString("status"));
                m.cancelReason = rs.getString("cancel_reason");
                m.rejectReason = rs.getString("reject_reason");
                m.createdBy = rs.getLong("created_by");
                m.roundId = rs.getObject("round_id", Long.class);
                m.pledges = rs.getObject("pledges", Integer.class);
                m.seriesId = rs.getObject("series_id", Long.class);
                m.coverImageUrl = rs.getString("cover_image_url");
                m.recapText = rs.getString("recap_text");
                m.finishedAt = instant(rs, "finished_at");
                m.version = rs.getLong("version");
            }
        }
        m.hosts = longs(c, "select member_id from meetups_host where meetup_id = ? order by member_id", id);
        try (PreparedStatement ps = c.prepareStatement("select tag from meetups_tag where meetup_id = ? order by tag")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.tags.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select url from meetups_recap_photo where meetup_id = ? order by position")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.recapPhotos.add(rs.getString(1));
                }
            }
        }
        return m;
    }
}
