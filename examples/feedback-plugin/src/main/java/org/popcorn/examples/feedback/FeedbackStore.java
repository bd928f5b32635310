package org.popcorn.examples.feedback;

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

/** The plugin's tables, through the SDK's transactions. */
public class FeedbackStore {

    /** A piece of feedback as the API shows it. */
    public static class Item {
        public long id;
        public long authorId;
        public String kind;
        public String title;
        public String body;
        public String status;
        public String statusNote;
        public int votes;
        public boolean votedByMe;
        public String createdAt;
        public String updatedAt;
    }

    /** A page of items. */
    public static class Page {
        public List<Item> items;
        public int page;
        public int size;
        public long total;
    }

    private final Database db;

    FeedbackStore(Database db) {
        this.db = db;
    }

    Item create(long author, String kind, String title, String body) {
        long id = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into feedback_item (author_id, kind, title, body, status, created_at, "
                    + "updated_at) values (?, ?, ?, ?, 'RECEIVED', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                ps.setLong(1, author);
                ps.setString(2, kind);
                ps.setString(3, title);
                ps.setString(4, body);
                ps.setObject(5, now);
                ps.setObject(6, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return get(id, author);
    }

    Item get(long id, Long viewer) {
        return db.inTransaction(c -> find(c, id, viewer));
    }

    Page list(Status status, Long author, int page, int size, Long viewer) {
        return db.inTransaction(c -> {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            if (status != null) {
                where.append(" and status = ?");
            }
            if (author != null) {
                where.append(" and author_id = ?");
            }
            Page p = new Page();
            p.page = page;
            p.size = size;
            p.items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from feedback_item" + where
                    + " order by votes desc, id desc limit ? offset ?")) {
                int i = bind(ps, status, author);
                ps.setInt(i++, size);
                ps.setInt(i, page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        p.items.add(find(c, rs.getLong(1), viewer));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select count(*) from feedback_item" + where)) {
                bind(ps, status, author);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    p.total = rs.getLong(1);
                }
            }
            return p;
        });
    }

    private static int bind(PreparedStatement ps, Status status, Long author) throws SQLException {
        int i = 1;
        if (status != null) {
            ps.setString(i++, status.name());
        }
        if (author != null) {
            ps.setLong(i++, author);
        }
        return i;
    }

    Item vote(long id, long member) {
        return db.inTransaction(c -> {
            Item item = lock(c, id);
            if (item.authorId == member) {
                throw PluginProblem.conflict("You cannot +1 your own feedback.", null).withCode("feedback.own-feedback");
            }
            try (PreparedStatement check = c.prepareStatement("select 1 from feedback_vote where item_id = ? and member_id = ?")) {
                check.setLong(1, id);
                check.setLong(2, member);
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next()) {
                        throw PluginProblem.conflict("You already gave this a +1.", null).withCode("feedback.already-voted");
                    }
                }
            }
            try (PreparedStatement ins = c.prepareStatement("insert into feedback_vote (item_id, member_id) values (?, ?)");
                 PreparedStatement up = c.prepareStatement("update feedback_item set votes = votes + 1 where id = ?")) {
                ins.setLong(1, id);
                ins.setLong(2, member);
                ins.executeUpdate();
                up.setLong(1, id);
                up.executeUpdate();
            }
            return find(c, id, member);
        });
    }

    Item unvote(long id, long member) {
        return db.inTransaction(c -> {
            lock(c, id);
            try (PreparedStatement del = c.prepareStatement("delete from feedback_vote where item_id = ? and member_id = ?")) {
                del.setLong(1, id);
                del.setLong(2, member);
                if (del.executeUpdate() == 1) {
                    try (PreparedStatement up = c.prepareStatement("update feedback_item set votes = votes - 1 where id = ?")) {
                        up.setLong(1, id);
                        up.executeUpdate();
                    }
                }
            }
            return find(c, id, member);
        });
    }

    Item move(long id, Status next, String note) {
        return db.inTransaction(c -> {
            Item item = lock(c, id);
            Status current = Status.valueOf(item.status);
            if (!current.canMoveTo(next)) {
                throw PluginProblem.conflict("Feedback that is " + current.name().toLowerCase() + " cannot become "
                        + next.name().toLowerCase() + ".", "status").withCode("feedback.invalid-transition");
            }
            try (PreparedStatement up = c.prepareStatement("update feedback_item set status = ?, status_note = ?, updated_at = ? where id = ?")) {
                up.setString(1, next.name());
                up.setString(2, note);
                up.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                up.setLong(4, id);
                up.executeUpdate();
            }
            return find(c, id, null);
        });
    }

    private Item lock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from feedback_item where id = ? for update")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw PluginProblem.notFound("No feedback with id " + id + ".").withCode("feedback.not-found");
                }
            }
        }
        return find(c, id, null);
    }

    private Item find(Connection c, long id, Long viewer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, author_id, kind, title, body, status, status_note, votes, created_at, "
                + "updated_at from feedback_item where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw PluginProblem.notFound("No feedback with id " + id + ".").withCode("feedback.not-found");
                }
                Item i = new Item();
                i.id = rs.getLong(1);
                i.authorId = rs.getLong(2);
                i.kind = rs.getString(3);
                i.title = rs.getString(4);
                i.body = rs.getString(5);
                i.status = rs.getString(6);
                i.statusNote = rs.getString(7);
                i.votes = rs.getInt(8);
                i.createdAt = String.valueOf(rs.getObject(9, OffsetDateTime.class).toInstant());
                i.updatedAt = String.valueOf(rs.getObject(10, OffsetDateTime.class).toInstant());
                if (viewer != null) {
                    try (PreparedStatement v = c.prepareStatement("select 1 from feedback_vote where item_id = ? and member_id = ?")) {
                        v.setLong(1, id);
                        v.setLong(2, viewer);
                        try (ResultSet vr = v.executeQuery()) {
                            i.votedByMe = vr.next();
                        }
                    }
                }
                return i;
            }
        }
    }
}
