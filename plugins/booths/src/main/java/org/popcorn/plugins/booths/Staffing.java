package org.popcorn.plugins.booths;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.popcorn.api.Cities;
import org.popcorn.api.Members;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.booths.Booths.Row;
import org.popcorn.plugins.booths.Booths.SlotRow;
import org.popcorn.plugins.booths.BoothsViews.Asked;
import org.popcorn.plugins.booths.BoothsViews.MySlot;
import org.popcorn.plugins.booths.BoothsViews.OpenSlot;
import org.popcorn.plugins.booths.BoothsViews.SignupView;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * Getting booths staffed: volunteers and demo leads sign up for slots and cancel (the host keeps capacity, the waiting
 * list, eligibility and the no-overlap rule across plugins), members see open slots near home, organisers see the
 * short slots of a city and ask its members for help, and a booth done pays its volunteers.
 */
final class Staffing {

    static final String STAFFED_KIND = "booths-staffed";

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Booths booths;

    Staffing(PluginContext ctx, PluginJdbi db, Booths booths) {
        this.ctx = ctx;
        this.db = db;
        this.booths = booths;
    }

    private static String role(String role) {
        if (!Booths.VOLUNTEER.equals(role) && !Booths.LEAD.equals(role)) {
            throw PluginProblem.notFound("A slot's roles are 'volunteer' and 'lead'.").withCode("booths.unknown-role");
        }
        return role;
    }

    SignupView signUp(long slotId, String role) {
        long me = ctx.currentMember().require();
        role(role);
        SlotRow s = booths.slot(slotId);
        Row b = booths.row(s.boothId());
        if (!b.open()) {
            throw PluginProblem.conflict("Sign-up is open while the booth is planned or confirmed; it is " + b.status().toLowerCase() + ".",
                    "status").withCode("booths.not-open");
        }
        if (Booths.LEAD.equals(role) && !s.lead()) {
            throw PluginProblem.notFound("This slot has no demo lead.").withCode("booths.no-demo-lead");
        }
        if (!Instant.now(ctx.clock()).isBefore(s.startsAt())) {
            throw PluginProblem.conflict("This slot has begun.", "startsAt").withCode("booths.slot-started");
        }
        Signups.Place p = ctx.signups().join(Booths.pool(slotId, role), me, 1);
        ctx.log().info("event=booths.signed-up slot=" + slotId + " role=" + role + " member=" + me + " status=" + p.status());
        return new SignupView(slotId, role, p.status().name(), p.waitingPosition());
    }

    void cancel(long slotId, String role) {
        long me = ctx.currentMember().require();
        role(role);
        SlotRow s = booths.slot(slotId);
        Row b = booths.row(s.boothId());
        String pool = Booths.pool(slotId, role);
        if (ctx.signups().placeOf(pool, me).isEmpty()) {
            return; // cancelling twice changes nothing
        }
        for (Signups.Place p : ctx.signups().leave(pool, me)) {
            booths.notices.placeIsYours(p.memberId(), b, Booths.LEAD.equals(role));
        }
        ctx.log().info("event=booths.cancelled slot=" + slotId + " role=" + role + " member=" + me);
    }

    List<MySlot> mine() {
        long me = ctx.currentMember().require();
        List<MySlot> out = new ArrayList<>();
        for (Signups.Place p : ctx.signups().placesOf(me)) {
            String[] parts = p.pool().split("-"); // slot-<id> or slot-<id>-lead
            if (parts.length < 2 || !parts[0].equals("slot")) {
                continue;
            }
            long slotId = Long.parseLong(parts[1]);
            SlotRow s = db.with(h -> h.createQuery("select * from booths_slot where id = :id").bind("id", slotId).map((rs, c) -> Booths.slot(rs))
                    .findOne()).orElse(null);
            if (s == null) {
                continue;
            }
            Row b = booths.row(s.boothId());
            Cities.CityInfo city = ctx.cities().byId(b.cityId()).orElse(null);
            out.add(new MySlot(slotId, b.id(), b.compound(), b.address(), city == null ? "?" : city.name(),
                    city == null ? "UTC" : city.timeZone(), s.startsAt(), s.endsAt(), parts.length == 3 ? Booths.LEAD : Booths.VOLUNTEER,
                    p.status().name(), p.waitingPosition(), b.status()));
        }
        out.sort(Comparator.comparing(MySlot::startsAt));
        return out;
    }

    /** Who holds or waits for each slot of a booth, for its organisers (the kit's bringers come from here). */
    List<BoothsViews.RosterEntry> roster(long boothId) {
        booths.requireManaged(boothId);
        List<BoothsViews.RosterEntry> out = new ArrayList<>();
        for (SlotRow s : booths.slots(boothId)) {
            for (String role : List.of(Booths.LEAD, Booths.VOLUNTEER)) {
                if (Booths.LEAD.equals(role) && !s.lead()) {
                    continue;
                }
                for (Signups.Status st : List.of(Signups.Status.CONFIRMED, Signups.Status.OFFERED, Signups.Status.WAITING)) {
                    for (Signups.Place p : ctx.signups().places(Booths.pool(s.id(), role), st, 0, 500)) {
                        Members.MemberInfo m = ctx.members().byId(p.memberId()).orElse(null);
                        out.add(new BoothsViews.RosterEntry(s.id(), role, p.memberId(), m == null ? null : m.handle(),
                                m == null ? "former member" : m.displayName(), p.status().name(), p.waitingPosition()));
                    }
                }
            }
        }
        return out;
    }

    /** Upcoming slots of open booths in a city, with how many places each still needs. */
    private List<OpenSlot> upcoming(long cityId) {
        Instant now = Instant.now(ctx.clock());
        List<Object[]> rows = db.with(h -> h.createQuery("select s.*, b.compound, b.address from booths_slot s join booths_booth b on b.id = s.booth_id "
                        + "where b.city_id = :c and b.status in ('PLANNED', 'CONFIRMED') and s.starts_at > :now order by s.starts_at, s.id")
                .bind("c", cityId).bind("now", PluginJdbi.ts(now))
                .map((rs, c) -> new Object[] {Booths.slot(rs), rs.getString("compound"), rs.getString("address")}).list());
        List<String> keys = new ArrayList<>();
        for (Object[] r : rows) {
            SlotRow s = (SlotRow) r[0];
            keys.add(Booths.pool(s.id(), Booths.VOLUNTEER));
            if (s.lead()) {
                keys.add(Booths.pool(s.id(), Booths.LEAD));
            }
        }
        Map<String, Signups.Pool> pools = keys.isEmpty() ? Map.of() : ctx.signups().pools(keys);
        Cities.CityInfo city = ctx.cities().byId(cityId).orElse(null);
        List<OpenSlot> out = new ArrayList<>();
        for (Object[] r : rows) {
            SlotRow s = (SlotRow) r[0];
            Signups.Pool v = pools.get(Booths.pool(s.id(), Booths.VOLUNTEER));
            Signups.Pool l = pools.get(Booths.pool(s.id(), Booths.LEAD));
            int taken = v == null ? 0 : v.taken();
            boolean leadTaken = l != null && l.taken() > 0;
            out.add(new OpenSlot(s.id(), s.boothId(), (String) r[1], (String) r[2], city == null ? "?" : city.name(),
                    city == null ? "UTC" : city.timeZone(), s.startsAt(), s.endsAt(), s.volunteers(), taken, s.lead(), leadTaken,
                    Math.max(0, s.volunteers() - taken), s.lead() && !leadTaken, s.askedAt()));
        }
        return out;
    }

    List<OpenSlot> openSlots(Long cityId) {
        long me = ctx.currentMember().require();
        Long city = cityId != null ? cityId : ctx.members().byId(me).map(Members.MemberInfo::homeCityId).orElse(null);
        if (city == null) {
            throw PluginProblem.invalid("Set your home city, or choose a city.", "city").withCode("booths.missing-field");
        }
        return upcoming(city).stream().filter(s -> s.missing() > 0 || s.leadMissing()).limit(100).toList();
    }

    List<OpenSlot> gaps(Long cityId) {
        ctx.currentMember().require();
        if (cityId == null) {
            throw PluginProblem.invalid("Choose the city.", "city").withCode("booths.missing-field");
        }
        if (!ctx.currentMember().organises(cityId)) {
            throw PluginProblem.forbidden("The staffing view is for the city's organisers.").withCode("booths.organiser-required");
        }
        return upcoming(cityId).stream().filter(s -> s.missing() > 0 || s.leadMissing()).limit(200).toList();
    }

    /** Tells the members living in the booth's city who hold nothing in the slot that it needs them; not twice within ask-hours. */
    Asked ask(long slotId) {
        SlotRow s = booths.slot(slotId);
        Row b = booths.requireManaged(s.boothId());
        if (!b.open() || !Instant.now(ctx.clock()).isBefore(s.startsAt())) {
            throw PluginProblem.conflict("Only an upcoming slot of a planned or confirmed booth asks for help.", "status")
                    .withCode("booths.not-open");
        }
        long hours = ctx.settings().getLong("ask-hours");
        Instant now = Instant.now(ctx.clock());
        if (s.askedAt() != null && s.askedAt().isAfter(now.minus(Duration.ofHours(hours)))) {
            throw PluginProblem.conflict("This slot asked for help at " + ctx.cities().localTime(b.cityId(), s.askedAt()) + "; ask again " + hours + " hours after that.",
                    "askedAt").withCode("booths.asked-recently");
        }
        Set<Long> holding = new HashSet<>();
        for (String role : List.of(Booths.VOLUNTEER, Booths.LEAD)) {
            for (Signups.Status st : Signups.Status.values()) {
                ctx.signups().places(Booths.pool(slotId, role), st, 0, 500).forEach(p -> holding.add(p.memberId()));
            }
        }
        int asked = 0;
        for (int page = 0; page < 10; page++) {
            List<Members.MemberInfo> people = ctx.members().livingIn(b.cityId(), page, 500);
            for (Members.MemberInfo m : people) {
                if (!holding.contains(m.id())) {
                    booths.notices.helpWanted(m.id(), b, s.startsAt(), booths.zone(b.cityId()));
                    asked++;
                }
            }
            if (people.size() < 500) {
                break;
            }
        }
        int n = db.with(h -> h.createUpdate("update booths_slot set asked_at = :now where id = :id and (asked_at is null or asked_at = :was)")
                .bind("now", PluginJdbi.ts(now)).bind("id", slotId).bind("was", PluginJdbi.ts(s.askedAt())).execute());
        if (n == 0) {
            throw PluginProblem.conflict("Someone else just asked for this slot.", "askedAt").withCode("booths.asked-recently");
        }
        ctx.log().info("event=booths.help-asked slot=" + slotId + " asked=" + asked);
        return new Asked(slotId, asked);
    }

    /** The booth is done: each confirmed volunteer and lead is paid once per slot; each booth counts once toward the badges. */
    int payOut(Row b) {
        int points = (int) ctx.settings().getLong("points-per-slot");
        int paid = 0;
        for (SlotRow s : booths.slots(b.id())) {
            for (String role : List.of(Booths.VOLUNTEER, Booths.LEAD)) {
                if (Booths.LEAD.equals(role) && !s.lead()) {
                    continue;
                }
                for (Signups.Place p : ctx.signups().places(Booths.pool(s.id(), role), Signups.Status.CONFIRMED, 0, 500)) {
                    if (ctx.rewards().awardPoints(p.memberId(), points,
                            org.popcorn.api.Message.of("points.staffed", "Demo booth {compound}").with("compound", b.compound()), "booths-slot-" + s.id() + "-" + role)) {
                        paid++;
                    }
                    int first = db.with(h -> h.createUpdate("insert into booths_staffed (booth_id, member_id) select :b, :m where not exists "
                                    + "(select 1 from booths_staffed where booth_id = :b and member_id = :m)")
                            .bind("b", b.id()).bind("m", p.memberId()).execute());
                    if (first == 1) {
                        ctx.rewards().recordActivity(p.memberId(), STAFFED_KIND, 1);
                    }
                }
            }
        }
        return paid;
    }
}
