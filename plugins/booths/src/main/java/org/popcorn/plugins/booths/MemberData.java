package org.popcorn.plugins.booths;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.popcorn.api.PluginContext;
import org.popcorn.api.Signups;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * A member's booths data: their part of "download my data" and its erasure when the account is deleted.
 *
 * <p>Little is erased, because the plugin holds nothing personal about a volunteer beyond their id: tallies are counts
 * they sent (visitors, demos, questions) and booths_staffed records which booths they staffed — both feed reports and
 * badges, so they stay under the now anonymous id. Leads are the neighbours' data, not the volunteer's: their name and
 * contact follow the neighbour's own consent and the retention period, and the row's captured_by stays for the counts.
 * What the hook removes is what still looks ahead: the member's proposals that never went live (with their pools;
 * nobody could sign up for them), their name on kit they were to bring and had not collected, and their charge of
 * upcoming booths (the city's organisers run those, as they always may). The core has already given up their places.
 */
final class MemberData {

    private final PluginContext ctx;
    private final PluginJdbi db;

    MemberData(PluginContext ctx, PluginJdbi db) {
        this.ctx = ctx;
        this.db = db;
    }

    // ---- download my data ----

    /** The member's places, booths staffed, counts sent, leads captured (how many, never whose), proposals, booths run and kit brought. */
    Object export(long memberId) {
        List<Map<String, Object>> places = new ArrayList<>();
        for (Signups.Place p : ctx.signups().placesOf(memberId)) {
            String[] parts = p.pool().split("-"); // slot-<id> or slot-<id>-lead
            if (parts.length < 2 || !parts[0].equals("slot")) {
                continue;
            }
            db.with(h -> h.createQuery("select s.*, b.compound, b.city_id from booths_slot s join booths_booth b on b.id = s.booth_id where s.id = :s")
                    .bind("s", Long.parseLong(parts[1])).map((rs, c) -> {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("slotId", rs.getLong("id"));
                        e.put("boothId", rs.getLong("booth_id"));
                        e.put("compound", rs.getString("compound"));
                        e.put("city", city(rs.getLong("city_id")));
                        e.put("startsAt", text(PluginJdbi.instant(rs, "starts_at")));
                        e.put("endsAt", text(PluginJdbi.instant(rs, "ends_at")));
                        e.put("role", parts.length == 3 ? Booths.LEAD : Booths.VOLUNTEER);
                        e.put("status", p.status().name());
                        e.put("waitingPosition", p.waitingPosition());
                        return e;
                    }).findOne()).ifPresent(places::add);
        }
        List<Map<String, Object>> staffed = db.with(h -> h.createQuery("select b.id, b.compound, b.city_id, b.status, b.first_opens_at "
                        + "from booths_staffed s join booths_booth b on b.id = s.booth_id where s.member_id = :m order by b.first_opens_at, b.id")
                .bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = booth(rs.getLong("id"), rs.getString("compound"), rs.getLong("city_id"));
                    e.put("status", rs.getString("status"));
                    e.put("firstOpensAt", text(PluginJdbi.instant(rs, "first_opens_at")));
                    return e;
                }).list());
        List<Map<String, Object>> tallies = db.with(h -> h.createQuery("select b.id, b.compound, b.city_id, t.kind, t.product_id, p.name, "
                        + "sum(t.amount) as total, count(*) as entries from booths_tally t join booths_slot s on s.id = t.slot_id "
                        + "join booths_booth b on b.id = s.booth_id left join booths_product p on p.id = t.product_id where t.member_id = :m "
                        + "group by b.id, b.compound, b.city_id, t.kind, t.product_id, p.name order by b.id, t.kind, t.product_id")
                .bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = booth(rs.getLong(1), rs.getString(2), rs.getLong(3));
                    e.put("kind", rs.getString(4));
                    e.put("productId", rs.getObject(5));
                    e.put("product", rs.getString(6));
                    e.put("count", rs.getLong(7));
                    e.put("entries", rs.getLong(8));
                    return e;
                }).list());
        List<Map<String, Object>> leads = db.with(h -> h.createQuery("select b.id, b.compound, b.city_id, count(*) from booths_lead l "
                        + "join booths_booth b on b.id = l.booth_id where l.captured_by = :m group by b.id, b.compound, b.city_id order by b.id")
                .bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = booth(rs.getLong(1), rs.getString(2), rs.getLong(3));
                    e.put("leads", rs.getLong(4));
                    return e;
                }).list());
        List<Map<String, Object>> proposed = db.with(h -> h.createQuery("select * from booths_booth where proposed_by = :m order by id")
                .bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = booth(rs.getLong("id"), rs.getString("compound"), rs.getLong("city_id"));
                    e.put("address", rs.getString("address"));
                    e.put("latitude", rs.getObject("latitude"));
                    e.put("longitude", rs.getObject("longitude"));
                    e.put("status", rs.getString("status"));
                    e.put("reason", rs.getString("reason"));
                    e.put("firstOpensAt", text(PluginJdbi.instant(rs, "first_opens_at")));
                    e.put("createdAt", text(PluginJdbi.instant(rs, "created_at")));
                    return e;
                }).list());
        List<Map<String, Object>> organised = db.with(h -> h.createQuery("select id, compound, city_id, status from booths_booth "
                        + "where organiser_id = :m order by id").bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = booth(rs.getLong("id"), rs.getString("compound"), rs.getLong("city_id"));
                    e.put("status", rs.getString("status"));
                    return e;
                }).list());
        List<Map<String, Object>> kit = db.with(h -> h.createQuery("select * from booths_kit_item where bringer_id = :m order by booth_id, id")
                .bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("boothId", rs.getLong("booth_id"));
                    e.put("item", rs.getString("name"));
                    e.put("checkedOutAt", text(PluginJdbi.instant(rs, "checked_out_at")));
                    e.put("returnedAt", text(PluginJdbi.instant(rs, "returned_at")));
                    return e;
                }).list());
        if (places.isEmpty() && staffed.isEmpty() && tallies.isEmpty() && leads.isEmpty() && proposed.isEmpty() && organised.isEmpty() && kit.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("places", places);
        out.put("boothsStaffed", staffed);
        out.put("tallies", tallies);
        out.put("leadsCaptured", leads);
        out.put("boothsProposed", proposed);
        out.put("boothsInCharge", organised);
        out.put("kitToBring", kit);
        return out;
    }

    private Map<String, Object> booth(long id, String compound, long cityId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("boothId", id);
        e.put("compound", compound);
        e.put("city", city(cityId));
        return e;
    }

    private String city(long cityId) {
        return ctx.cities().byId(cityId).map(c -> c.name()).orElse("?");
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    // ---- delete my data ----

    /** Removes what looks ahead (see the class comment); tallies, staffed booths and leads stay. A second call changes nothing. */
    void erase(long memberId) {
        List<String> pools = db.with(h -> {
            // proposals that never went live; one with counts, leads or staff (which cannot happen) stays rather than fail
            List<Long> proposals = h.createQuery("select b.id from booths_booth b where b.proposed_by = :m and b.status in ('PROPOSED', 'REJECTED') "
                            + "and not exists (select 1 from booths_slot s join booths_tally t on t.slot_id = s.id where s.booth_id = b.id) "
                            + "and not exists (select 1 from booths_lead l where l.booth_id = b.id) "
                            + "and not exists (select 1 from booths_staffed x where x.booth_id = b.id)")
                    .bind("m", memberId).mapTo(Long.class).list();
            List<String> gone = new ArrayList<>();
            for (long id : proposals) {
                for (long s : h.createQuery("select id from booths_slot where booth_id = :b").bind("b", id).mapTo(Long.class).list()) {
                    gone.addAll(List.of(Booths.pool(s, Booths.VOLUNTEER), Booths.pool(s, Booths.LEAD)));
                }
                h.createUpdate("delete from booths_booth where id = :b").bind("b", id).execute(); // openings, products, slots, kit follow
            }
            h.createUpdate("update booths_kit_item set bringer_id = null where bringer_id = :m and checked_out_at is null "
                    + "and booth_id in (select id from booths_booth where status in ('PROPOSED', 'PLANNED', 'CONFIRMED'))").bind("m", memberId).execute();
            h.createUpdate("update booths_booth set organiser_id = null, version = version + 1 where organiser_id = :m "
                    + "and status in ('PLANNED', 'CONFIRMED')").bind("m", memberId).execute();
            return gone;
        });
        for (String pool : pools) {
            ctx.signups().delete(pool); // closed pools: nobody held a place (nothing happens for a lead pool never made)
        }
        ctx.log().info("event=booths.member-erased member=" + memberId + " pools-deleted=" + pools.size());
    }
}
