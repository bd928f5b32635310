package org.popcorn.plugins.booths;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PopcornEvent;
import org.popcorn.plugins.booths.BoothsForms.BoothForm;
import org.popcorn.plugins.booths.BoothsForms.OpeningForm;
import org.popcorn.plugins.booths.BoothsForms.ProductForm;

/**
 * Sample data for the README run: a small catalogue and a confirmed booth in the demo organiser's city that is open
 * now (the demo fan holds a place in the current slot, so the phone page at the booth can be tried at once), with
 * its kit.
 */
final class DemoBooths {

    private final PluginContext ctx;
    private final Products products;
    private final Booths booths;

    DemoBooths(PluginContext ctx, Products products, Booths booths) {
        this.ctx = ctx;
        this.products = products;
        this.booths = booths;
    }

    void load(PopcornEvent event) {
        Long organiser = event.longValue("organiserId");
        Long city = event.longValue("cityId");
        Long fan = event.longValue("fanId");
        if (organiser == null || city == null || !products.list().isEmpty()) {
            return;
        }
        long hub = products.createAs(product("smart-hub", "Smart home hub", "The hub that links lights, locks and sensors; set up in five minutes.")).id();
        long lock = products.createAs(product("smart-lock", "Smart door lock", "Fingerprint and app unlock; shows who came home.")).id();
        long vacuum = products.createAs(product("robot-vacuum", "Robot vacuum", "Maps the flat and cleans while you are out.")).id();

        ZoneId zone = booths.zone(city);
        LocalDateTime now = LocalDateTime.now(zone);
        LocalDate day = now.toLocalDate();
        LocalTime opens = now.minusHours(1).truncatedTo(ChronoUnit.HOURS).toLocalTime();
        LocalTime closes = opens.plusHours(6);
        if (now.getHour() < 1 || closes.isBefore(opens) || now.getHour() >= 22) {
            day = day.plusDays(now.getHour() >= 22 ? 1 : 0); // too close to midnight for an opening around now: tomorrow's day instead
            opens = LocalTime.of(10, 0);
            closes = LocalTime.of(16, 0);
        }
        BoothForm f = new BoothForm();
        f.cityId = city;
        f.compound = "Garden Court";
        f.address = "Building 3 lobby, 88 Garden Road";
        f.productIds = List.of(hub, lock, vacuum);
        f.slotMinutes = 120;
        f.volunteersPerSlot = 2;
        f.lead = true;
        f.leadMinLevel = 2;
        OpeningForm o = new OpeningForm();
        o.date = day.toString();
        o.opens = opens.toString();
        o.closes = closes.toString();
        f.openings = List.of(o);
        long id = booths.createAs(organiser, true, f);
        booths.moveTo(booths.row(id), Booths.CONFIRMED);
        List<Booths.SlotRow> slots = booths.slots(id);
        if (fan != null && !slots.isEmpty()) {
            java.time.Instant t = java.time.Instant.now(ctx.clock());
            Booths.SlotRow current = slots.stream().filter(s -> !s.startsAt().isAfter(t) && s.endsAt().isAfter(t)).findFirst().orElse(slots.get(0));
            ctx.signups().join(Booths.pool(current.id(), Booths.VOLUNTEER), fan, 1);
        }
        ctx.log().info("event=booths.demo-loaded booth=" + id + " city=" + city + " slots=" + slots.size()
                + " open=" + Duration.between(opens, closes).toHours() + "h");
    }

    private static ProductForm product(String code, String name, String description) {
        ProductForm p = new ProductForm();
        p.code = code;
        p.name = name;
        p.description = description;
        return p;
    }
}
