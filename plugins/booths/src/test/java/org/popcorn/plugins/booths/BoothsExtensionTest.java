package org.popcorn.plugins.booths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.booths.BoothsForms.BoothForm;
import org.popcorn.plugins.booths.BoothsForms.ConsentForm;
import org.popcorn.plugins.booths.BoothsForms.LeadForm;
import org.popcorn.plugins.booths.BoothsForms.OpeningForm;
import org.popcorn.plugins.booths.BoothsForms.ProductForm;
import org.popcorn.plugins.booths.BoothsForms.TallyBatch;
import org.popcorn.plugins.booths.BoothsForms.TallyEntry;
import org.popcorn.plugins.booths.BoothsViews.Booth;
import org.popcorn.plugins.booths.BoothsViews.Lead;
import org.popcorn.testkit.PluginTestKit;

/** The booths plugin with the test kit: real migrations, the kit's sign-up and consent rules. */
class BoothsExtensionTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    PluginTestKit kit;
    BoothsResource api;
    long city;
    long org;
    long product;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("booths", new BoothsExtension());
        api = (BoothsResource) kit.extension().restResource();
        city = kit.addCity("Hangzhou", "CN", "Asia/Shanghai");
        org = kit.addMember("olga", 3, city);
        kit.makeOrganiser(org, city);
        kit.actAs(org);
        ProductForm p = new ProductForm();
        p.code = "smart-hub";
        p.name = "Smart hub";
        product = ((BoothsViews.Product) api.createProduct(p).getEntity()).id();
    }

    BoothForm form(LocalDate day, String opens, String closes, int minutes) {
        BoothForm f = new BoothForm();
        f.cityId = city;
        f.compound = "Willow Court";
        f.address = "Gate 1";
        f.productIds = List.of(product);
        f.slotMinutes = minutes;
        f.volunteersPerSlot = 2;
        f.lead = true;
        f.leadMinLevel = 2;
        OpeningForm o = new OpeningForm();
        o.date = day.toString();
        o.opens = opens;
        o.closes = closes;
        f.openings = List.of(o);
        return f;
    }

    Booth booth() {
        return (Booth) api.create(form(LocalDate.now(SHANGHAI).plusDays(2), "10:00", "12:30", 60)).getEntity();
    }

    @Test
    void openingHoursAreCutIntoSlotsInTheCitysZoneAndTheLastMayBeShorter() {
        Booth b = booth();
        assertEquals(3, b.slots().size());
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(2);
        assertEquals(day.atTime(10, 0).atZone(SHANGHAI).toInstant(), b.slots().get(0).startsAt());
        assertEquals(Duration.ofMinutes(30), Duration.between(b.slots().get(2).startsAt(), b.slots().get(2).endsAt()));
        // a 10-minute tail joins the slot before it instead of making a slot nobody can staff
        List<Instant[]> cut = Booths.cut(Instant.parse("2030-01-01T02:00:00Z"), Instant.parse("2030-01-01T03:10:00Z"), 60);
        assertEquals(1, cut.size());
        assertEquals(Instant.parse("2030-01-01T03:10:00Z"), cut.get(0)[1]);
        PluginProblem both = assertThrows(PluginProblem.class, () -> {
            BoothForm f = form(LocalDate.now(SHANGHAI).plusDays(2), "10:00", "12:00", 60);
            f.leadQualification = "product-training";
            api.create(f);
        });
        assertEquals("leadQualification", both.field());
        PluginProblem backwards = assertThrows(PluginProblem.class, () -> api.create(form(LocalDate.now(SHANGHAI).plusDays(2), "12:00", "10:00", 60)));
        assertEquals("openings[0].closes", backwards.field());
    }

    @Test
    void aDemoLeadNeedsTheLevelAndAVolunteerCannotHoldTwoRolesOfOneSlot() {
        Booth b = booth();
        long slot = b.slots().get(0).id();
        long newcomer = kit.addMember("nina", 1, city);
        kit.actAs(newcomer);
        assertThrows(PluginProblem.class, () -> api.signUp(slot, "lead"));
        assertEquals("CONFIRMED", api.signUp(slot, "volunteer").status());
        long regular = kit.addMember("rita", 2, city);
        kit.actAs(regular);
        assertEquals("CONFIRMED", api.signUp(slot, "lead").status());
        PluginProblem twice = assertThrows(PluginProblem.class, () -> api.signUp(slot, "volunteer"));
        assertEquals(409, twice.status());
        assertThrows(PluginProblem.class, () -> api.signUp(slot, "cook"));
    }

    @Test
    void aLeadNeedsTheContactConsentAndIsErasedAfterTheRetentionPeriodKeepingTheCounts() {
        Booth b = booth();
        long slot = b.slots().get(0).id();
        long vol = kit.addMember("vera", 1, city);
        kit.actAs(vol);
        api.signUp(slot, "volunteer");
        TallyBatch batch = new TallyBatch();
        batch.entries = List.of(entry("key-visitor-1", "visitor", null), entry("key-visitor-1", "visitor", null), entry("key-demo-1", "demo", product));
        assertEquals(2, api.record(slot, batch).accepted());
        assertEquals(2, api.record(slot, batch).duplicates() - 1, "both stored ones are duplicates the second time (plus the repeat in the batch)");

        LeadForm lead = new LeadForm();
        lead.clientKey = "lead-key-0001";
        lead.name = "Mr Li";
        lead.contact = "li@example.org";
        lead.productIds = List.of(product);
        PluginProblem refused = assertThrows(PluginProblem.class, () -> api.capture(slot, lead));
        assertEquals("booths.consent-required", refused.code());
        ConsentForm c = new ConsentForm();
        c.purpose = AtBooth.CONTACT;
        c.version = api.consentTexts("en").get(0).version();
        lead.consents = List.of(c);
        assertEquals(201, api.capture(slot, lead).getStatus());
        assertEquals(200, api.capture(slot, lead).getStatus());

        kit.actAs(org);
        kit.setSetting("lead-retention-days", "0");
        kit.runSchedule(Instant.now().plusSeconds(1));
        Lead erased = api.leads(b.id(), null, null).items().get(0);
        assertEquals(null, erased.name());
        assertEquals(null, erased.contact());
        assertTrue(erased.consents().stream().noneMatch(x -> x.withdrawnAt() == null), "its consents are withdrawn");
        BoothsViews.Report r = api.report(b.id());
        assertEquals(1, r.visitors());
        assertEquals(1, r.leads());
        assertEquals(1, r.demos().get(0).count());
    }

    static TallyEntry entry(String key, String kind, Long product) {
        TallyEntry e = new TallyEntry();
        e.clientKey = key;
        e.kind = kind;
        e.productId = product;
        return e;
    }
}
