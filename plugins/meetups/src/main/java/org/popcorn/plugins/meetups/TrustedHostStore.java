package org.popcorn.plugins.meetups;

import static org.popcorn.plugins.meetups.Sql.ts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.popcorn.api.Database;
import org.popcorn.api.PluginProblem;

/** Trusted hosts per city: members whose meetups go live without an organiser's approval. */
class TrustedHostStore {

    private final Database db;

    TrustedHostStore(Database db) {
        this.db = db;
    }

    boolean isTrusted(long cityId, long memberId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from meetups_trusted_host where city_id = ? and member_id = ?")) {
                ps.setLong(1, cityId);
                ps.setLong(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    void trust(long cityId, long memberId, long grantedBy) {
        if (isTrusted(cityId, memberId)) {
            return;
        }
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into meetups_trusted_host (city_id, member_id, granted_by, granted_at) "
                        + "values (?,?,?,?)")) {
                    ps.setLong(1, cityId);
                    ps.setLong(2, memberId);
                    ps.setLong(3, grantedBy);
                    ps.setObject(4, ts(Instant.now()));
                    return ps.executeUpdate();
                }
            });
        } catch (PluginProblem alreadyTrusted) {
            // a concurrent request trusted them first: the outcome is the same
        }
    }

    void distrust(long cityId, long memberId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from meetups_trusted_host where city_id = ? and member_id = ?")) {
                ps.setLong(1, cityId);
                ps.setLong(2, memberId);
                return ps.executeUpdate();
            }
        });
    }

    List<Long> trustedHosts(long cityId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select member_id from meetups_trusted_host where city_id = ? order by granted_at")) {
                ps.setLong(1, cityId);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }
}
