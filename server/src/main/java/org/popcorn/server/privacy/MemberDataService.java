package org.popcorn.server.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * "Download my data": everything the core holds about a member — profile, roles, points and their reasons, badges,
 * privileges, activity counts, ballots with their receipts, inbox, e-mail choices, sign-up places, qualifications —
 * and each plugin's part ({@link MemberExport}), as one JSON document read in one transaction. Never included:
 * the password hash, session tokens, other members' data.
 */
@ApplicationScoped
public class MemberDataService {

    private static final Logger LOG = Logger.getLogger(MemberDataService.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    Event<MemberExport> exports;

    /** The member's data; {@code null} when there is no such (undeleted) member. */
    @Transactional
    public Map<String, Object> export(long memberId) {
        Connection c = em.unwrap(Connection.class);
        Map<String, Object> doc = new LinkedHashMap<>();
        try {
            List<Map<String, Object>> profile = rows(c, "select id, handle, display_name, email, bio, home_city_id, avatar_url,"
                    + " attendance_visible, is_admin, language, points, lifetime_points, joined_at from member"
                    + " where id = ? and deleted_at is null", memberId);
            if (profile.isEmpty()) {
                return null;
            }
            doc.put("exportedAt", Instant.now().toString());
            doc.put("member", profile.get(0));
            doc.put("organiserOf", rows(c, "select city_id, granted_at from organiser_role where member_id = ? order by city_id", memberId));
            doc.put("points", rows(c, "select amount, reason, source, created_at from points_entry where member_id = ? order by id", memberId));
            doc.put("badges", rows(c, "select badge_code, awarded_at from member_badge where member_id = ? order by awarded_at, badge_code", memberId));
            doc.put("privileges", rows(c, "select privilege_code, granted_at from privilege_grant where member_id = ? order by privilege_code", memberId));
            doc.put("activity", rows(c, "select kind, amount from member_activity where member_id = ? order by kind", memberId));
            List<Map<String, Object>> ballots = rows(c, "select id, round_id, size, pledge, receipt, cast_at, updated_at from ballot"
                    + " where member_id = ? order by id", memberId);
            for (Map<String, Object> b : ballots) {
                Object id = b.remove("id");
                b.put("cityIds", rows(c, "select city_id from ballot_choice where ballot_id = ? order by city_id", ((Number) id).longValue())
                        .stream().map(r -> r.get("cityId")).toList());
            }
            doc.put("ballots", ballots);
            doc.put("notifications", rows(c, "select kind, title, body, link, source, created_at, read_at from notification"
                    + " where member_id = ? order by id", memberId));
            doc.put("emailChoices", rows(c, "select kind, email from notification_pref where member_id = ? order by kind", memberId));
            doc.put("signups", rows(c, "select p.pool_key, p.status, p.party_size, p.joined_at, p.offer_expires_at, s.title, s.starts_at,"
                    + " s.ends_at, s.zone from signup_place p join signup_pool s on s.pool_key = p.pool_key where p.member_id = ?"
                    + " order by p.joined_at, p.pool_key", memberId));
            doc.put("qualifications", rows(c, "select plugin_id, code, granted_at, expires_at from member_qualification"
                    + " where member_id = ? order by plugin_id, code", memberId));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the data of member " + memberId + ": " + e.getMessage(), e);
        }
        MemberExport export = new MemberExport(memberId);
        exports.fire(export);
        doc.put("plugins", export.parts());
        doc.put("pluginsLeftOut", export.leftOutOwners());
        LOG.info(() -> "event=member.exported member=" + memberId + " plugins=" + export.parts().keySet()
                + (export.leftOutOwners().isEmpty() ? "" : " left-out=" + export.leftOutOwners()));
        return doc;
    }

    /** The rows of a query with one member-id parameter, as maps keyed by camel-cased column names. */
    private static List<Map<String, Object>> rows(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(camel(meta.getColumnLabel(i)), value(rs.getObject(i)));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    private static Object value(Object v) {
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.time.temporal.TemporalAccessor t) {
            return t.toString();
        }
        return v;
    }

    static String camel(String column) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }
}
