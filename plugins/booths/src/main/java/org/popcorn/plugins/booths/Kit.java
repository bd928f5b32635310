package org.popcorn.plugins.booths;

import java.time.Instant;
import java.util.List;
import org.popcorn.api.Members;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.booths.Booths.Row;
import org.popcorn.plugins.booths.BoothsForms.KitForm;
import org.popcorn.plugins.booths.BoothsViews.KitItem;
import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.support.PluginJdbi;

/** A booth's kit checklist: what it needs, who brings it, checked out and returned, damage noted. */
final class Kit {

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Booths booths;

    Kit(PluginContext ctx, PluginJdbi db, Booths booths) {
        this.ctx = ctx;
        this.db = db;
        this.booths = booths;
    }

    List<KitItem> list(long boothId) {
        long me = ctx.currentMember().require();
        Row b = booths.row(boothId);
        if (!booths.manages(b, me) && !volunteers(b, me)) {
            throw PluginProblem.forbidden("The kit list is for the booth's organisers and volunteers.").withCode("booths.staff-required");
        }
        return db.with(h -> h.createQuery("select * from booths_kit_item where booth_id = :b order by id").bind("b", boothId)
                .map((rs, c) -> item(rs)).list());
    }

    private boolean volunteers(Row b, long me) {
        for (Signups.Place p : ctx.signups().placesOf(me)) {
            if (p.status() == Signups.Status.CONFIRMED && p.pool().startsWith("slot-")) {
                long slot = Long.parseLong(p.pool().split("-")[1]);
                if (booths.slots(b.id()).stream().anyMatch(s -> s.id() == slot)) {
                    return true;
                }
            }
        }
        return false;
    }

    KitItem add(long boothId, KitForm f) {
        booths.requireManaged(boothId);
        if (f == null) {
            throw PluginProblem.invalid("Send the item: name, serial, bringerId.", null).withCode("booths.missing-body");
        }
        String name = Check.text(f.name, "name", 100, true);
        String serial = Check.text(f.serial, "serial", 100, false);
        Long bringer = bringer(f.bringerId);
        long id = db.with(h -> h.createUpdate("insert into booths_kit_item (booth_id, name, serial, bringer_id) values (:b, :n, :s, :m)")
                .bind("b", boothId).bind("n", name).bind("s", serial).bind("m", bringer).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return get(id);
    }

    KitItem update(long itemId, KitForm f) {
        KitItem item = get(itemId);
        booths.requireManaged(item.boothId());
        if (f == null) {
            throw PluginProblem.invalid("Send what changes: name, serial, bringerId, checkedOut, returned, damage.", null).withCode("booths.missing-body");
        }
        String name = f.name == null ? item.name() : Check.text(f.name, "name", 100, true);
        String serial = f.serial == null ? item.serial() : Check.text(f.serial, "serial", 100, false);
        Long bringer = Boolean.TRUE.equals(f.noBringer) ? null : f.bringerId == null ? item.bringerId() : bringer(f.bringerId);
        Instant now = Instant.now(ctx.clock());
        Instant out = f.checkedOut == null ? item.checkedOutAt() : f.checkedOut ? (item.checkedOutAt() == null ? now : item.checkedOutAt()) : null;
        Instant back = f.returned == null ? item.returnedAt() : f.returned ? (item.returnedAt() == null ? now : item.returnedAt()) : null;
        if (back != null && out == null) {
            throw PluginProblem.invalid("An item is checked out before it is returned.", "returned").withCode("booths.not-checked-out");
        }
        String damage = f.damage == null ? item.damage() : Check.text(f.damage, "damage", 500, false);
        db.with(h -> h.createUpdate("update booths_kit_item set name = :n, serial = :s, bringer_id = :m, checked_out_at = :o, returned_at = :r, "
                        + "damage = :d where id = :id")
                .bind("n", name).bind("s", serial).bind("m", bringer).bind("o", PluginJdbi.ts(out)).bind("r", PluginJdbi.ts(back))
                .bind("d", damage).bind("id", itemId).execute());
        if (damage != null && !damage.equals(item.damage())) {
            ctx.log().info("event=booths.kit-damage item=" + itemId + " booth=" + item.boothId());
        }
        return get(itemId);
    }

    void delete(long itemId) {
        KitItem item = get(itemId);
        booths.requireManaged(item.boothId());
        db.with(h -> h.createUpdate("delete from booths_kit_item where id = :id").bind("id", itemId).execute());
    }

    private Long bringer(Long memberId) {
        if (memberId == null) {
            return null;
        }
        ctx.members().byId(memberId).orElseThrow(() -> PluginProblem.invalid("There is no member " + memberId + ".", "bringerId").withCode("booths.unknown-member"));
        return memberId;
    }

    private KitItem get(long id) {
        return db.with(h -> h.createQuery("select * from booths_kit_item where id = :id").bind("id", id).map((rs, c) -> item(rs)).findOne())
                .orElseThrow(() -> PluginProblem.notFound("No kit item " + id + ".").withCode("booths.kit-item-not-found"));
    }

    private KitItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long bringer = (Long) rs.getObject("bringer_id");
        String bringerName = bringer == null ? null : ctx.members().byId(bringer).map(Members.MemberInfo::displayName).orElse("former member");
        return new KitItem(rs.getLong("id"), rs.getLong("booth_id"), rs.getString("name"), rs.getString("serial"), bringer, bringerName,
                PluginJdbi.instant(rs, "checked_out_at"), PluginJdbi.instant(rs, "returned_at"), rs.getString("damage"));
    }
}
