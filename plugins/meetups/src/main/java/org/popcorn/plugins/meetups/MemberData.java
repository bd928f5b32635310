package org.popcorn.plugins.meetups;

import static org.popcorn.plugins.meetups.Sql.instant;
import static org.popcorn.plugins.meetups.Sql.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.popcorn.api.Cities;
import org.popcorn.api.PluginContext;

/**
 * What the meetups tables hold about one member, for "download my data" ({@link #export}) and account deletion
 * ({@link #erase}). Each one's SQL runs in one transaction (on the server: within the core's unit of work).
 *
 * <p>Per table, on erase: {@code meetups_feed}, {@code meetups_trusted_host} and {@code meetups_no_show} rows are
 * deleted; {@code meetups_ticket} rows of meetups that have not ended are deleted (their seats are already given up
 * by the core; seat counts come from the sign-up pools, not from tickets), tickets of past meetups and every checked-in
 * ticket stay (attendance); {@code meetups_rating} loses its free-text comment and keeps its stars (the meetup's
 * average); {@code meetups_host}, {@code meetups_meetup.created_by} and {@code meetups_series.created_by} stay (the
 * meetup shows a "former member" as host; descriptions and recaps belong to the meetup, which others attended); the
 * member's proposals that never went live (proposed or rejected) and that no one else hosts are deleted with their
 * hosts, tags, series row and (empty) sign-up pools.
 */
class MemberData {

    private final PluginContext ctx;

    MemberData(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** The member's RSVPs, ratings, hosted or proposed meetups, no-shows, trusted-host cities and feed; null when none. */
    Map<String, Object> export(long memberId) {
        Map<String, Object> out = ctx.database().inTransaction(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tickets", Sql.list(c, "select t.meetup_id, m.title, m.starts_at, t.created_at, t.newcomer_seat, t.checked_in_at "
                    + "from meetups_ticket t join meetups_meetup m on m.id = t.meetup_id where t.member_id = ? order by m.starts_at, m.id",
                    rs -> row("meetupId", rs.getLong(1), "title", rs.getString(2), "startsAt", iso(rs, "starts_at"),
                            "rsvpAt", iso(rs, "created_at"), "newcomerSeat", rs.getBoolean(5), "checkedInAt", iso(rs, "checked_in_at")), memberId));
            m.put("ratings", Sql.list(c, "select r.meetup_id, m.title, r.stars, r.comment, r.rated_at from meetups_rating r "
                    + "join meetups_meetup m on m.id = r.meetup_id where r.member_id = ? order by r.rated_at, r.meetup_id",
                    rs -> row("meetupId", rs.getLong(1), "title", rs.getString(2), "stars", rs.getInt(3), "comment", rs.getString(4),
                            "ratedAt", iso(rs, "rated_at")), memberId));
            m.put("meetups", Sql.list(c, "select m.id, m.title, m.status, m.starts_at, m.created_by, "
                    + "exists (select 1 from meetups_host h where h.meetup_id = m.id and h.member_id = ?) as is_host from meetups_meetup m "
                    + "where m.created_by = ? or exists (select 1 from meetups_host h where h.meetup_id = m.id and h.member_id = ?) "
                    + "order by m.starts_at, m.id",
                    rs -> row("meetupId", rs.getLong(1), "title", rs.getString(2), "status", rs.getString(3), "startsAt", iso(rs, "starts_at"),
                            "createdByMe", rs.getLong(5) == memberId, "host", rs.getBoolean(6)), memberId, memberId, memberId));
            m.put("noShows", Sql.list(c, "select n.meetup_id, m.title, n.recorded_at from meetups_no_show n join meetups_meetup m "
                    + "on m.id = n.meetup_id where n.member_id = ? order by n.recorded_at",
                    rs -> row("meetupId", rs.getLong(1), "title", rs.getString(2), "recordedAt", iso(rs, "recorded_at")), memberId));
            m.put("trustedHostCities", Sql.list(c, "select city_id, granted_at from meetups_trusted_host where member_id = ? order by granted_at",
                    rs -> row("cityId", rs.getLong(1), "cityName", cityName(rs.getLong(1)), "grantedAt", iso(rs, "granted_at")), memberId));
            // whether there is a private calendar feed and since when, never its token (the address is a credential)
            List<String> feed = Sql.list(c, "select created_at from meetups_feed where member_id = ?", rs -> iso(rs, "created_at"), memberId);
            m.put("calendarFeed", feed.isEmpty() ? row("active", false) : row("active", true, "createdAt", feed.get(0)));
            return m;
        });
        boolean nothing = Boolean.FALSE.equals(((Map<?, ?>) out.get("calendarFeed")).get("active"))
                && out.values().stream().filter(v -> v instanceof List<?>).allMatch(v -> ((List<?>) v).isEmpty());
        return nothing ? null : out;
    }

    /** Erases (or anonymises) what the tables hold about a member whose account is being deleted; idempotent. */
    void erase(long memberId) {
        Instant now = Instant.now(ctx.clock());
        int[] n = new int[5];
        List<Long> proposals = ctx.database().inTransaction(c -> {
            n[0] = update(c, "delete from meetups_feed where member_id = ?", memberId);
            n[1] = update(c, "delete from meetups_trusted_host where member_id = ?", memberId);
            n[2] = update(c, "delete from meetups_no_show where member_id = ?", memberId);
            // future commitments; a ticket checked in at a meetup still running is attendance and stays
            n[3] = update(c, "delete from meetups_ticket where member_id = ? and checked_in_at is null and meetup_id in "
                    + "(select id from meetups_meetup where ends_at > ? and status <> 'FINISHED')", memberId, ts(now));
            n[4] = update(c, "update meetups_rating set comment = null where member_id = ? and comment is not null", memberId);
            // proposals that never went live (their free texts; nobody could RSVP). One a co-host shares stays for the
            // organisers to decide; one with tickets or ratings (which cannot happen) stays rather than fail
            List<Long> ids = Sql.list(c, "select m.id from meetups_meetup m where m.created_by = ? and m.status in ('PROPOSED', 'REJECTED') "
                    + "and not exists (select 1 from meetups_host h where h.meetup_id = m.id and h.member_id <> ?) "
                    + "and not exists (select 1 from meetups_ticket t where t.meetup_id = m.id) "
                    + "and not exists (select 1 from meetups_no_show x where x.meetup_id = m.id) "
                    + "and not exists (select 1 from meetups_rating r where r.meetup_id = m.id)", rs -> rs.getLong(1), memberId, memberId);
            for (long id : ids) {
                for (String table : List.of("meetups_host", "meetups_tag", "meetups_recap_photo")) {
                    update(c, "delete from " + table + " where meetup_id = ?", id);
                }
                update(c, "delete from meetups_meetup where id = ?", id);
            }
            update(c, "delete from meetups_series where created_by = ? and not exists "
                    + "(select 1 from meetups_meetup m where m.series_id = meetups_series.id)", memberId);
            return ids;
        });
        for (long id : proposals) {
            Meetup gone = new Meetup();
            gone.id = id;
            ctx.signups().delete(gone.seatsPool()); // a proposal's pools are empty: RSVPs open on publication
            ctx.signups().delete(gone.newcomerPool());
        }
        ctx.log().info("event=meetups.member-erased member=" + memberId + " feeds=" + n[0] + " trustedHost=" + n[1] + " noShows=" + n[2]
                + " tickets=" + n[3] + " comments=" + n[4] + " proposals=" + proposals.size());
    }

    private String cityName(long cityId) {
        return ctx.cities().byId(cityId).map(Cities.CityInfo::name).orElse(null);
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static String iso(ResultSet rs, String column) throws SQLException {
        Instant i = instant(rs, column);
        return i == null ? null : i.toString();
    }

    /** A JSON object keeping its keys' order and null values (key, value, key, value, ...). */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
