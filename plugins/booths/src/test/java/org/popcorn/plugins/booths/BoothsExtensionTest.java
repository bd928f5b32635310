package org.popcorn.plugins.booths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
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

    /**
     * Vera: counts and a lead at a booth now done (which she and Vic staffed), a place and kit to bring at a booth to
     * come, a booth she proposed. Vic sent a count at the same booth.
     */
    record Story(long vera, long vic, long done, long upcoming, long proposed, long proposedSlot, long kitItem) {
    }

    Story story() {
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(2);
        Booth done = booth();
        Booth upcoming = (Booth) api.create(form(day.plusDays(1), "10:00", "12:00", 60)).getEntity();
        long vera = kit.addMember("vera", 1, city);
        long vic = kit.addMember("vic", 1, city);
        BoothsForms.KitForm item = new BoothsForms.KitForm();
        item.name = "Demo tablet";
        item.bringerId = vera;
        long kitItem = ((BoothsViews.KitItem) api.addKit(upcoming.id(), item).getEntity()).id();
        long slot = done.slots().get(0).id();
        kit.actAs(vic);
        api.signUp(slot, "volunteer");
        TallyBatch his = new TallyBatch();
        his.entries = List.of(entry("key-vic-visitor-1", "visitor", null));
        api.record(slot, his);
        kit.actAs(vera);
        api.signUp(slot, "volunteer");
        api.signUp(upcoming.slots().get(0).id(), "volunteer");
        TallyBatch hers = new TallyBatch();
        hers.entries = List.of(entry("key-vera-visitor-1", "visitor", null), entry("key-vera-visitor-2", "visitor", null),
                entry("key-vera-demo-1", "demo", product));
        api.record(slot, hers);
        LeadForm lead = new LeadForm();
        lead.clientKey = "lead-key-vera-1";
        lead.name = "Mr Li";
        lead.contact = "li@example.org";
        lead.productIds = List.of(product);
        ConsentForm c = new ConsentForm();
        c.purpose = AtBooth.CONTACT;
        c.version = api.consentTexts("en").get(0).version();
        lead.consents = List.of(c);
        api.capture(slot, lead);
        BoothForm mine = form(day.plusDays(5), "14:00", "16:00", 60);
        mine.compound = "Vera's own courtyard";
        Booth proposed = (Booth) api.create(mine).getEntity();
        assertEquals("PROPOSED", proposed.status());
        kit.setNow(day.atTime(12, 31).atZone(SHANGHAI).toInstant()); // the first booth is over, the second still to come
        kit.actAs(org);
        api.done(done.id());
        return new Story(vera, vic, done.id(), upcoming.id(), proposed.id(), proposed.slots().get(0).id(), kitItem);
    }


    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object export, String key) {
        return (List<Map<String, Object>>) ((Map<String, Object>) export).get(key);
    }

    @Test
    void theDownloadListsTheMembersOwnBoothsCountsAndHowManyLeadsButNoNeighboursData() {
        Story st = story();
        Object mine = kit.extension().exportMember(st.vera());
        assertEquals(List.of(st.done()), list(mine, "boothsStaffed").stream().map(x -> x.get("boothId")).toList());
        assertEquals("DONE", list(mine, "boothsStaffed").get(0).get("status"));
        List<Map<String, Object>> tallies = list(mine, "tallies");
        assertEquals(List.of("demo", "visitor"), tallies.stream().map(x -> x.get("kind")).toList());
        assertEquals("Smart hub", tallies.get(0).get("product"));
        assertEquals(1L, tallies.get(0).get("count"));
        assertEquals(2L, tallies.get(1).get("count"), "her two visitors, not Vic's");
        assertEquals(List.of(Map.of("boothId", st.done(), "compound", "Willow Court", "city", "Hangzhou", "leads", 1L)), list(mine, "leadsCaptured"));
        assertEquals(List.of(st.proposed()), list(mine, "boothsProposed").stream().map(x -> x.get("boothId")).toList());
        assertEquals("Vera's own courtyard", list(mine, "boothsProposed").get(0).get("compound"));
        assertEquals(2, list(mine, "places").size(), "the slot of the done booth and the one to come");
        assertEquals(List.of("Demo tablet"), list(mine, "kitToBring").stream().map(x -> x.get("item")).toList());
        assertFalse(mine.toString().contains("Mr Li") || mine.toString().contains("li@example.org"), "the lead is the neighbour's: " + mine);

        Object his = kit.extension().exportMember(st.vic());
        assertEquals(List.of(1L), list(his, "tallies").stream().map(x -> x.get("count")).toList());
        assertTrue(list(his, "leadsCaptured").isEmpty());
        assertTrue(list(his, "boothsProposed").isEmpty());
        assertTrue(list(his, "kitToBring").isEmpty());
        assertNull(kit.extension().exportMember(kit.addMember("nobody")), "nothing held: null");
    }

    @Test
    void erasingRemovesTheProposalAndKitDutyAndKeepsEveryCountTwiceOver() {
        Story st = story();
        BoothsViews.Report before = api.report(st.done());
        assertEquals(3, before.visitors());
        String proposedPool = Booths.pool(st.proposedSlot(), Booths.VOLUNTEER);
        // as the core does before the hook: every place the member held is given up
        Signups signups = kit.context().signups();
        assertEquals(1, signups.pools(List.of(proposedPool)).size(), "the proposal's closed pool");
        for (Signups.Place p : signups.placesOf(st.vera())) {
            signups.leave(p.pool(), st.vera());
        }
        for (int round = 1; round <= 2; round++) {
            kit.actAs(null); // the hook does not rely on a caller
            kit.extension().eraseMember(st.vera()); // the second time finds nothing left to do
            assertEquals(0, kit.count("select count(*) from booths_booth where id = " + st.proposed()), "round " + round + ": the proposal is gone");
            assertTrue(signups.pools(List.of(proposedPool)).isEmpty(), "with its pools");
            assertEquals(0, kit.count("select count(*) from booths_kit_item where bringer_id is not null and id = " + st.kitItem()),
                    "nobody is down to bring the tablet");
            assertEquals(1, kit.count("select count(*) from booths_kit_item where id = " + st.kitItem()), "the item stays on the list");
            assertEquals(3, kit.count("select count(*) from booths_tally where member_id = " + st.vera()), "her counts stay");
            assertEquals(1, kit.count("select count(*) from booths_staffed where member_id = " + st.vera()), "and the booth she staffed");
            assertEquals(1, kit.count("select count(*) from booths_lead where captured_by = " + st.vera()));
            kit.actAs(org);
            BoothsViews.Report after = api.report(st.done());
            assertEquals(before.visitors(), after.visitors());
            assertEquals(before.leads(), after.leads());
            assertEquals(before.demos(), after.demos());
            assertEquals(before.questions(), after.questions());
        }
        assertEquals("PLANNED", api.booth(st.upcoming()).status(), "the booth to come stays");
        assertEquals(List.of(st.done()), list(kit.extension().exportMember(st.vera()), "boothsStaffed").stream().map(x -> x.get("boothId")).toList(),
                "what is kept under the id");
    }
}
