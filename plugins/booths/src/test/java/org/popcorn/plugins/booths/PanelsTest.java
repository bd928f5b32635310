package org.popcorn.plugins.booths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.Panel;
import org.popcorn.api.PanelDefinition;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.booths.BoothsForms.BoothForm;
import org.popcorn.plugins.booths.BoothsForms.OpeningForm;
import org.popcorn.plugins.booths.BoothsForms.ProductForm;
import org.popcorn.plugins.booths.BoothsForms.Reason;
import org.popcorn.plugins.booths.BoothsViews.Booth;
import org.popcorn.testkit.PluginTestKit;

/** The booths' panel on the city page, with the test kit. */
class PanelsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    PluginTestKit kit;
    BoothsResource api;
    long city;
    long other;
    long org;
    long product;
    LocalDate today;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("booths", new BoothsExtension());
        api = (BoothsResource) kit.extension().restResource();
        city = kit.addCity("Hangzhou", "CN", "Asia/Shanghai");
        other = kit.addCity("Ningbo", "CN", "Asia/Shanghai");
        org = kit.addMember("olga", 3, city);
        kit.makeOrganiser(org, city);
        kit.makeOrganiser(org, other);
        kit.actAs(org);
        ProductForm p = new ProductForm();
        p.code = "smart-hub";
        p.name = "Smart hub";
        product = ((BoothsViews.Product) api.createProduct(p).getEntity()).id();
        today = LocalDate.now(SHANGHAI);
    }

    static OpeningForm opening(LocalDate day, String opens, String closes) {
        OpeningForm o = new OpeningForm();
        o.date = day.toString();
        o.opens = opens;
        o.closes = closes;
        return o;
    }

    /** A booth at {@code compound} open 10:00 to 12:00 on each of the days ahead. */
    Booth booth(long cityId, String compound, int... daysAhead) {
        List<OpeningForm> openings = new ArrayList<>();
        for (int d : daysAhead) {
            openings.add(opening(today.plusDays(d), "10:00", "12:00"));
        }
        return booth(cityId, compound, openings);
    }

    Booth booth(long cityId, String compound, List<OpeningForm> openings) {
        BoothForm f = new BoothForm();
        f.cityId = cityId;
        f.compound = compound;
        f.address = "Gate 1";
        f.productIds = List.of(product);
        f.slotMinutes = 60;
        f.volunteersPerSlot = 2;
        f.lead = false;
        f.openings = openings;
        return (Booth) api.create(f).getEntity();
    }

    static java.time.Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(SHANGHAI).toInstant();
    }

    @Test
    void declaresACityPanel() {
        List<PanelDefinition> panels = kit.extension().panels();
        assertEquals(1, panels.size());
        assertEquals(PanelDefinition.CITY, panels.get(0).slot());
        assertEquals("panels/city", panels.get(0).path());
        assertEquals("Demo booths", panels.get(0).titles().get("en"));
        assertEquals("产品体验摊位", panels.get(0).titles().get("zh-CN"), "the plugin's own word for a booth, as in its navigation");
    }

    @Test
    void theCityPanelListsOnlyThatCitysPlannedAndConfirmedBoothsSoonestOpeningFirstAtMostFive() {
        Booth d6 = booth(city, "Court 6", 6);
        Booth d2 = booth(city, "Court 2", 2);
        booth(city, "Court 7", 7);
        Booth d4 = booth(city, "Court 4", 4);
        Booth d3 = booth(city, "Court 3", 3);
        Booth d5 = booth(city, "Court 5", 5);
        Booth twoDays = booth(city, "Two days", List.of(opening(today.plusDays(1), "10:00", "12:00"), opening(today.plusDays(3), "14:00", "16:00")));
        api.confirm(d3.id());
        api.confirm(d5.id());
        Booth cancelled = booth(city, "Rained off", 2);
        Reason rain = new Reason();
        rain.reason = "Heavy rain";
        api.cancel(cancelled.id(), rain);
        booth(other, "Elsewhere", List.of(opening(today.plusDays(1), "10:00", "18:00")));
        long fan = kit.addMember("fan", 1, city);
        kit.actAs(fan);
        assertEquals("PROPOSED", booth(city, "A proposal", 2).status());
        kit.setNow(at(today.plusDays(1), 13)); // the first opening of "Two days" is over

        kit.actAs(null); // the city page's reader may be anonymous
        Panel p = api.panels().city(city);
        assertEquals(List.of("Court 2", "Court 3", "Two days", "Court 4", "Court 5"), p.items().stream().map(Panel.Item::detail).toList());
        assertEquals(List.of(at(today.plusDays(2), 10), at(today.plusDays(3), 10), at(today.plusDays(3), 14), at(today.plusDays(4), 10),
                at(today.plusDays(5), 10)), p.items().stream().map(Panel.Item::at).toList(), "each booth's next opening");
        assertEquals(List.of(d2.id(), d3.id(), twoDays.id(), d4.id(), d5.id()).stream().map(Booths::link).toList(),
                p.items().stream().map(Panel.Item::href).toList());
        assertTrue(p.items().stream().allMatch(i -> "Smart hub".equals(i.title()) && "Asia/Shanghai".equals(i.zone())));
        assertEquals("/#/p/booths/booths?city=" + city, p.moreHref());
        assertTrue(p.items().stream().noneMatch(i -> i.href().equals(Booths.link(d6.id()))), "at most five");

        Panel elsewhere = api.panels().city(other);
        assertEquals(List.of("Elsewhere"), elsewhere.items().stream().map(Panel.Item::detail).toList(), "its opening is under way: still shown");
        assertEquals(at(today.plusDays(1), 10), elsewhere.items().get(0).at());
        long quiet = kit.addCity("Shaoxing", "CN", "Asia/Shanghai");
        assertTrue(api.panels().city(quiet).items().isEmpty());
        PluginProblem unknown = assertThrows(PluginProblem.class, () -> api.panels().city(999_999L));
        assertEquals(404, unknown.status());
        assertEquals("booths.unknown-city", unknown.code());
    }
}
