package org.popcorn.plugins.booths;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.popcorn.api.Cities;
import org.popcorn.api.Members;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.booths.BoothsForms.BoothForm;
import org.popcorn.plugins.booths.BoothsForms.OpeningForm;
import org.popcorn.plugins.booths.BoothsViews.Booth;
import org.popcorn.plugins.booths.BoothsViews.Mine;
import org.popcorn.plugins.booths.BoothsViews.Opening;
import org.popcorn.plugins.booths.BoothsViews.Page;
import org.popcorn.plugins.booths.BoothsViews.Product;
import org.popcorn.plugins.booths.BoothsViews.Slot;
import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * Booths and their life: proposed by a fan or planned by an organiser, confirmed, done or cancelled; their opening
 * hours cut into slots, and each slot's places as the host's sign-up pools ({@code slot-<id>} for volunteers,
 * {@code slot-<id>-lead} for the demo lead), exclusive in time, open while the booth is planned or confirmed.
 */
final class Booths {

    static final String PROPOSED = "PROPOSED";
    static final String PLANNED = "PLANNED";
    static final String CONFIRMED = "CONFIRMED";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";
    static final String REJECTED = "REJECTED";

    static final String VOLUNTEER = "volunteer";
    static final String LEAD = "lead";

    private static final int MAX_OPENINGS = 14;
    private static final int MAX_SLOTS = 120;

    /** A booth as stored. */
    record Row(long id, long cityId, String compound, String address, Double latitude, Double longitude, Long organiserId,
               long proposedBy, String status, String reason, int slotMinutes, int volunteersPerSlot, boolean leadWanted,
               Integer leadMinLevel, String leadQualification, Instant firstOpensAt) {

        boolean open() {
            return PLANNED.equals(status) || CONFIRMED.equals(status);
        }
    }

    /** A slot as stored. */
    record SlotRow(long id, long boothId, Instant startsAt, Instant endsAt, int volunteers, boolean lead, Instant askedAt) {
    }

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Products products;
    final Notices notices;

    Booths(PluginContext ctx, PluginJdbi db, Products products) {
        this.ctx = ctx;
        this.db = db;
        this.products = products;
        this.notices = new Notices(ctx.notifications());
    }

    static String pool(long slotId, String role) {
        return LEAD.equals(role) ? "slot-" + slotId + "-lead" : "slot-" + slotId;
    }

    // ---- creating and deciding ----

    Booth create(BoothForm f) {
        long me = ctx.currentMember().require();
        if (f == null || f.cityId == null) {
            throw PluginProblem.invalid("Give the booth's city.", "cityId").withCode("booths.missing-field");
        }
        boolean organiser = ctx.currentMember().organises(f.cityId);
        if (!organiser) {
            Long home = ctx.members().byId(me).map(Members.MemberInfo::homeCityId).orElse(null);
            if (home == null || home != f.cityId.longValue()) {
                throw PluginProblem.forbidden("Fans propose booths in their own home city; organisers plan them anywhere they organise.").withCode("booths.home-city-only");
            }
        }
        return view(createAs(me, organiser, f), me);
    }

    /** Creates a booth as {@code me}: planned (with me in charge) when {@code organiser}, else proposed. */
    long createAs(long me, boolean organiser, BoothForm f) {
        Cities.CityInfo city = ctx.cities().byId(f.cityId).filter(c -> !c.retired())
                .orElseThrow(() -> PluginProblem.invalid("There is no city " + f.cityId + ".", "cityId").withCode("booths.unknown-city"));
        ZoneId zone = ZoneId.of(city.timeZone());
        String compound = Check.text(f.compound, "compound", 120, true);
        String address = Check.text(f.address, "address", 300, true);
        if ((f.latitude == null) != (f.longitude == null)) {
            throw PluginProblem.invalid("Give both latitude and longitude, or neither.", f.latitude == null ? "latitude" : "longitude").withCode("booths.incomplete-coordinates");
        }
        if (f.latitude != null && (f.latitude < -90 || f.latitude > 90)) {
            throw PluginProblem.invalid("The latitude is between -90 and 90.", "latitude").withCode("booths.invalid-latitude");
        }
        if (f.longitude != null && (f.longitude < -180 || f.longitude > 180)) {
            throw PluginProblem.invalid("The longitude is between -180 and 180.", "longitude").withCode("booths.invalid-longitude");
        }
        List<Long> productIds = products.checkIds(f.productIds);
        int slotMinutes = Check.range(f.slotMinutes, "slotMinutes", 15, 480);
        int volunteers = Check.range(f.volunteersPerSlot, "volunteersPerSlot", 1, 50);
        boolean lead = f.lead != null && f.lead;
        Integer minLevel = null;
        String qualification = null;
        if (lead) {
            if (f.leadMinLevel != null && f.leadQualification != null && !f.leadQualification.isBlank()) {
                throw PluginProblem.invalid("A demo lead needs a minimum level or a qualification; choose one.", "leadQualification").withCode("booths.conflicting-lead-rules");
            }
            if (f.leadMinLevel != null) {
                minLevel = Check.range(f.leadMinLevel, "leadMinLevel", 1, 100);
            } else if (f.leadQualification != null && !f.leadQualification.isBlank()) {
                qualification = Check.code(f.leadQualification, "leadQualification");
            }
        }
        List<Instant[]> openings = openings(f.openings, zone, Instant.now(ctx.clock()));
        List<Instant[]> slots = new ArrayList<>();
        for (Instant[] o : openings) {
            slots.addAll(cut(o[0], o[1], slotMinutes));
        }
        if (slots.size() > MAX_SLOTS) {
            throw PluginProblem.invalid("That makes " + slots.size() + " slots; a booth has at most " + MAX_SLOTS
                    + ". Choose longer slots or fewer hours.", "slotMinutes").withCode("booths.too-many-slots");
        }
        String status = organiser ? PLANNED : PROPOSED;
        Integer lvl = minLevel;
        String qual = qualification;
        long id = db.with(h -> {
            long bid = h.createUpdate("insert into booths_booth (city_id, compound, address, latitude, longitude, organiser_id, proposed_by, "
                            + "status, slot_minutes, volunteers_per_slot, lead_wanted, lead_min_level, lead_qualification, first_opens_at, "
                            + "created_at) values (:city, :compound, :address, :lat, :lon, :org, :by, :status, :sm, :v, :lead, :lvl, :q, :first, :now)")
                    .bind("city", f.cityId).bind("compound", compound).bind("address", address).bind("lat", f.latitude)
                    .bind("lon", f.longitude).bind("org", organiser ? me : null).bind("by", me).bind("status", status)
                    .bind("sm", slotMinutes).bind("v", volunteers).bind("lead", lead).bind("lvl", lvl).bind("q", qual)
                    .bind("first", PluginJdbi.ts(openings.get(0)[0])).bind("now", PluginJdbi.ts(Instant.now(ctx.clock())))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (Instant[] o : openings) {
                h.createUpdate("insert into booths_opening (booth_id, opens_at, closes_at) values (:b, :o, :c)")
                        .bind("b", bid).bind("o", PluginJdbi.ts(o[0])).bind("c", PluginJdbi.ts(o[1])).execute();
            }
            for (Long p : productIds) {
                h.createUpdate("insert into booths_booth_product (booth_id, product_id) values (:b, :p)").bind("b", bid).bind("p", p).execute();
            }
            for (Instant[] s : slots) {
                h.createUpdate("insert into booths_slot (booth_id, starts_at, ends_at, volunteers, lead) values (:b, :s, :e, :v, :l)")
                        .bind("b", bid).bind("s", PluginJdbi.ts(s[0])).bind("e", PluginJdbi.ts(s[1])).bind("v", volunteers).bind("l", lead)
                        .execute();
            }
            return bid;
        });
        definePools(row(id));
        ctx.log().info("event=booths.booth-created booth=" + id + " city=" + f.cityId + " status=" + status + " slots=" + slots.size());
        return id;
    }

    /** Each opening as instants: the day's local times read in the city's zone, in the future, not overlapping. */
    private static List<Instant[]> openings(List<OpeningForm> forms, ZoneId zone, Instant now) {
        if (forms == null || forms.isEmpty() || forms.size() > MAX_OPENINGS) {
            throw PluginProblem.invalid("Give 1 to " + MAX_OPENINGS + " opening days, each {date, opens, closes}.", "openings").withCode("booths.invalid-openings");
        }
        List<Instant[]> out = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            OpeningForm o = forms.get(i);
            String at = "openings[" + i + "].";
            if (o == null) {
                throw PluginProblem.invalid("An opening is {date, opens, closes}.", "openings[" + i + "]").withCode("booths.invalid-opening");
            }
            LocalDate day = Check.date(o.date, at + "date");
            LocalTime opens = time(o.opens, at + "opens");
            LocalTime closes = time(o.closes, at + "closes");
            if (!closes.isAfter(opens)) {
                throw PluginProblem.invalid("A booth closes after it opens (on " + day + ").", at + "closes").withCode("booths.closes-before-opens");
            }
            Instant start = day.atTime(opens).atZone(zone).toInstant();
            Instant end = day.atTime(closes).atZone(zone).toInstant();
            if (!end.isAfter(now)) {
                throw PluginProblem.invalid("The opening on " + day + " is over (" + zone.getId() + ").", at + "date").withCode("booths.opening-over");
            }
            if (start.isAfter(now.plus(Duration.ofDays(400)))) {
                throw PluginProblem.invalid("Plan booths at most a year ahead.", at + "date").withCode("booths.too-far-ahead");
            }
            for (Instant[] other : out) {
                if (start.isBefore(other[1]) && other[0].isBefore(end)) {
                    throw PluginProblem.invalid("Two openings overlap on " + day + ".", at + "opens").withCode("booths.openings-overlap");
                }
            }
            out.add(new Instant[] {start, end});
        }
        out.sort((a, b) -> a[0].compareTo(b[0]));
        return out;
    }

    private static LocalTime time(String value, String field) {
        if (value == null) {
            throw PluginProblem.invalid("Give the " + field + " as a local time, e.g. 10:00.", field).withCode("booths.missing-field");
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw PluginProblem.invalid("'" + (value.length() > 20 ? value.substring(0, 20) : value) + "' is not a time like 10:00.", field).withCode("booths.invalid-time");
        }
    }

    /** Cuts an opening into slots of {@code minutes}; the last may be shorter (but not under 15 minutes, it joins the one before). */
    static List<Instant[]> cut(Instant from, Instant to, int minutes) {
        List<Instant[]> out = new ArrayList<>();
        Instant s = from;
        while (s.isBefore(to)) {
            Instant e = s.plus(Duration.ofMinutes(minutes));
            if (e.isAfter(to)) {
                e = to;
            }
            if (Duration.between(s, e).toMinutes() < 15 && !out.isEmpty()) {
                out.get(out.size() - 1)[1] = e;
            } else {
                out.add(new Instant[] {s, e});
            }
            s = e;
        }
        return out;
    }

    List<Booth> proposals() {
        long me = ctx.currentMember().require();
        if (!ctx.currentMember().isOrganiser()) {
            throw PluginProblem.forbidden("Organisers review proposed booths.").withCode("booths.organiser-required");
        }
        return db.with(h -> h.createQuery("select * from booths_booth where status = 'PROPOSED' order by created_at, id")
                        .map((rs, c) -> row(rs)).list()).stream()
                .filter(b -> ctx.currentMember().organises(b.cityId())).map(b -> view(b, me)).toList();
    }

    Booth decide(long id, boolean approve, String reason) {
        long me = ctx.currentMember().require();
        Row b = row(id);
        if (!ctx.currentMember().organises(b.cityId())) {
            throw PluginProblem.forbidden("Only an organiser of the booth's city decides on its proposal.").withCode("booths.organiser-required");
        }
        if (!PROPOSED.equals(b.status())) {
            throw PluginProblem.conflict("This booth is " + b.status().toLowerCase() + ", not a proposal.", "status").withCode("booths.not-proposed");
        }
        String why = approve ? null : Check.text(reason, "reason", 500, true);
        setStatus(b, approve ? PLANNED : REJECTED, why, approve ? me : null);
        notices.reviewed(b, approve, why);
        return view(row(id), me);
    }

    /** The booth organiser moves it on: confirm (planned → confirmed), cancel (with a reason everyone holding a place is told). */
    Booth confirm(long id) {
        long me = ctx.currentMember().require();
        Row b = requireManaged(id);
        if (!PLANNED.equals(b.status())) {
            throw PluginProblem.conflict("Only a planned booth is confirmed; this one is " + b.status().toLowerCase() + ".", "status")
                    .withCode("booths.wrong-status");
        }
        setStatus(b, CONFIRMED, null, b.organiserId());
        return view(row(id), me);
    }

    Booth cancel(long id, String reason) {
        long me = ctx.currentMember().require();
        Row b = requireManaged(id);
        if (!b.open()) {
            throw PluginProblem.conflict("Only a planned or confirmed booth is cancelled; this one is " + b.status().toLowerCase() + ".",
                    "status").withCode("booths.wrong-status");
        }
        String why = Check.text(reason, "reason", 500, true);
        setStatus(b, CANCELLED, why, b.organiserId());
        java.util.Set<Long> told = new java.util.HashSet<>();
        for (SlotRow s : slots(id)) {
            for (String role : List.of(VOLUNTEER, LEAD)) {
                for (Signups.Place p : ctx.signups().delete(pool(s.id(), role))) { // frees the volunteers' time at once
                    if (told.add(p.memberId())) {
                        notices.cancelled(p.memberId(), b, why);
                    }
                }
            }
        }
        ctx.log().info("event=booths.booth-cancelled booth=" + id + " told=" + told.size());
        return view(row(id), me);
    }

    private void setStatus(Row b, String status, String reason, Long organiser) {
        int n = db.with(h -> h.createUpdate("update booths_booth set status = :s, reason = :r, organiser_id = :o, version = version + 1 "
                        + "where id = :id and status = :was")
                .bind("s", status).bind("r", reason).bind("o", organiser).bind("id", b.id()).bind("was", b.status()).execute());
        if (n == 0) {
            throw PluginProblem.conflict("The booth changed meanwhile; reload it.", "status").withCode("booths.changed");
        }
        if (!DONE.equals(status)) {
            definePools(row(b.id()));
        }
        ctx.log().info("event=booths.status booth=" + b.id() + " from=" + b.status() + " to=" + status);
    }

    void markDone(Row b) {
        setStatus(b, DONE, null, b.organiserId());
    }

    /** Moves a booth on without a caller (demo data). */
    void moveTo(Row b, String status) {
        setStatus(b, status, null, b.organiserId());
    }

    // ---- slots ----

    /** (Re)defines both pools of every slot: time, title, eligibility of the lead, closed unless the booth is open. */
    void definePools(Row b) {
        if (CANCELLED.equals(b.status()) || REJECTED.equals(b.status())) {
            return;
        }
        for (SlotRow s : slots(b.id())) {
            definePools(b, s);
        }
    }

    List<Signups.Place> definePools(Row b, SlotRow s) {
        ZoneId zone = zone(b.cityId());
        boolean closed = !b.open();
        List<Signups.Place> moved = new ArrayList<>(ctx.signups().define(pool(s.id(), VOLUNTEER), Signups.PoolSpec.capacity(s.volunteers())
                .withExclusiveTime(s.startsAt(), s.endsAt(), zone).withTitle("Demo booth " + b.compound()).withClosed(closed)));
        if (s.lead()) {
            Signups.Eligibility rules = b.leadMinLevel() != null ? Signups.Eligibility.minLevel(b.leadMinLevel())
                    : b.leadQualification() != null ? Signups.Eligibility.qualification(b.leadQualification()) : Signups.Eligibility.ANYONE;
            moved.addAll(ctx.signups().define(pool(s.id(), LEAD), Signups.PoolSpec.capacity(1).withExclusiveTime(s.startsAt(), s.endsAt(), zone)
                    .withTitle("Demo booth " + b.compound() + " \u00b7 demo lead").withEligibility(rules).withClosed(closed)));
        }
        return moved;
    }

    // ---- reading ----

    Page<Booth> list(Long cityId, String status, int page, int size) {
        Long me = ctx.currentMember().id().orElse(null);
        if (status != null && !List.of(PROPOSED, PLANNED, CONFIRMED, DONE, CANCELLED, REJECTED).contains(status)) {
            throw PluginProblem.invalid("status is one of PROPOSED, PLANNED, CONFIRMED, DONE, CANCELLED, REJECTED.", "status").withCode("booths.invalid-status");
        }
        // Proposals and rejections are for their author and the city's organisers; everything else is public.
        String where = " where 1 = 1" + (cityId == null ? "" : " and city_id = :city") + (status == null ? "" : " and status = :status");
        List<Row> rows = db.with(h -> {
            var q = h.createQuery("select * from booths_booth" + where + " order by first_opens_at, id");
            if (cityId != null) {
                q.bind("city", cityId);
            }
            if (status != null) {
                q.bind("status", status);
            }
            return q.map((rs, c) -> row(rs)).list();
        });
        List<Row> visible = rows.stream().filter(b -> visible(b, me)).toList();
        List<Booth> items = visible.stream().skip((long) page * size).limit(size).map(b -> summary(b, me)).toList();
        return new Page<>(items, visible.size(), page, size);
    }

    private boolean visible(Row b, Long me) {
        if (!PROPOSED.equals(b.status()) && !REJECTED.equals(b.status())) {
            return true;
        }
        return me != null && (me == b.proposedBy() || ctx.currentMember().organises(b.cityId()));
    }

    Booth get(long id) {
        Long me = ctx.currentMember().id().orElse(null);
        Row b = row(id);
        if (!visible(b, me)) {
            throw PluginProblem.notFound("No booth " + id + ".").withCode("booths.booth-not-found");
        }
        return view(b, me);
    }

    private Booth summary(Row b, Long me) {
        return booth(b, me, List.of(), List.of());
    }

    Booth view(long id, Long me) {
        return view(row(id), me);
    }

    Booth view(Row b, Long me) {
        List<SlotRow> slots = slots(b.id());
        List<String> keys = new ArrayList<>();
        for (SlotRow s : slots) {
            keys.add(pool(s.id(), VOLUNTEER));
            if (s.lead()) {
                keys.add(pool(s.id(), LEAD));
            }
        }
        Map<String, Signups.Pool> pools = keys.isEmpty() ? Map.of() : ctx.signups().pools(keys);
        Map<String, Signups.Place> mine = new HashMap<>();
        if (me != null) {
            for (Signups.Place p : ctx.signups().placesOf(me)) {
                mine.put(p.pool(), p);
            }
        }
        List<Slot> views = new ArrayList<>();
        for (SlotRow s : slots) {
            Signups.Pool v = pools.get(pool(s.id(), VOLUNTEER));
            Signups.Pool l = pools.get(pool(s.id(), LEAD));
            Signups.Place mv = mine.get(pool(s.id(), VOLUNTEER));
            Signups.Place ml = mine.get(pool(s.id(), LEAD));
            Signups.Place m = ml != null ? ml : mv;
            views.add(new Slot(s.id(), b.id(), s.startsAt(), s.endsAt(), s.volunteers(), v == null ? 0 : v.taken(),
                    v == null ? 0 : v.waitingParties(), s.lead(), l != null && l.taken() > 0, b.leadMinLevel(), b.leadQualification(),
                    m == null ? null : new Mine(m == ml ? LEAD : VOLUNTEER, m.status().name(), m.waitingPosition())));
        }
        List<Opening> openings = db.with(h -> h.createQuery("select opens_at, closes_at from booths_opening where booth_id = :b order by opens_at")
                .bind("b", b.id()).map((rs, c) -> new Opening(PluginJdbi.instant(rs, "opens_at"), PluginJdbi.instant(rs, "closes_at"))).list());
        return booth(b, me, openings, views);
    }

    private Booth booth(Row b, Long me, List<Opening> openings, List<Slot> slots) {
        Optional<Cities.CityInfo> city = ctx.cities().byId(b.cityId());
        List<Product> shown = db.with(h -> h.createQuery("select p.* from booths_product p join booths_booth_product bp on bp.product_id = p.id "
                        + "where bp.booth_id = :b order by p.name").bind("b", b.id())
                .map((rs, c) -> new Product(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description"),
                        rs.getBoolean("retired"))).list());
        String organiserName = b.organiserId() == null ? null
                : ctx.members().byId(b.organiserId()).map(Members.MemberInfo::displayName).orElse("former member");
        boolean canManage = me != null && manages(b, me);
        return new Booth(b.id(), b.cityId(), city.map(Cities.CityInfo::name).orElse("?"), city.map(Cities.CityInfo::timeZone).orElse("UTC"),
                b.compound(), b.address(), b.latitude(), b.longitude(), b.status(), b.reason(), b.organiserId(), organiserName,
                b.proposedBy(), shown, openings, b.slotMinutes(), b.volunteersPerSlot(), b.leadWanted(), b.leadMinLevel(),
                b.leadQualification(), b.firstOpensAt(), slots, canManage);
    }

    /** Whether the member runs this booth: its organiser in charge, or an organiser of its city. */
    boolean manages(Row b, long member) {
        return (b.organiserId() != null && b.organiserId() == member) || ctx.currentMember().organises(b.cityId());
    }

    /** The booth, when the caller runs it; 403 otherwise. */
    Row requireManaged(long boothId) {
        long me = ctx.currentMember().require();
        Row b = row(boothId);
        if (!manages(b, me)) {
            throw PluginProblem.forbidden("Only the booth's organiser or an organiser of its city does this.").withCode("booths.organiser-required");
        }
        return b;
    }

    Row row(long id) {
        return db.with(h -> h.createQuery("select * from booths_booth where id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne())
                .orElseThrow(() -> PluginProblem.notFound("No booth " + id + ".").withCode("booths.booth-not-found"));
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("city_id"), rs.getString("compound"), rs.getString("address"),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"), (Long) rs.getObject("organiser_id"),
                rs.getLong("proposed_by"), rs.getString("status"), rs.getString("reason"), rs.getInt("slot_minutes"),
                rs.getInt("volunteers_per_slot"), rs.getBoolean("lead_wanted"), (Integer) rs.getObject("lead_min_level"),
                rs.getString("lead_qualification"), PluginJdbi.instant(rs, "first_opens_at"));
    }

    List<SlotRow> slots(long boothId) {
        return db.with(h -> h.createQuery("select * from booths_slot where booth_id = :b order by starts_at, id").bind("b", boothId)
                .map((rs, c) -> slot(rs)).list());
    }

    SlotRow slot(long id) {
        return db.with(h -> h.createQuery("select * from booths_slot where id = :id").bind("id", id).map((rs, c) -> slot(rs)).findOne())
                .orElseThrow(() -> PluginProblem.notFound("No slot " + id + ".").withCode("booths.slot-not-found"));
    }

    static SlotRow slot(ResultSet rs) throws SQLException {
        return new SlotRow(rs.getLong("id"), rs.getLong("booth_id"), PluginJdbi.instant(rs, "starts_at"), PluginJdbi.instant(rs, "ends_at"),
                rs.getInt("volunteers"), rs.getBoolean("lead"), PluginJdbi.instant(rs, "asked_at"));
    }

    ZoneId zone(long cityId) {
        return ctx.cities().byId(cityId).map(c -> ZoneId.of(c.timeZone())).orElse(java.time.ZoneOffset.UTC);
    }

    /** The page of a booth, inside the app. */
    static String link(long boothId) {
        return "/#/p/booths/booth/" + boothId;
    }
}
