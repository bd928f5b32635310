package org.popcorn.plugins.booths;

import org.popcorn.api.CoreEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;
import org.popcorn.api.BadgeDefinition;
import org.popcorn.api.NavigationEntry;
import org.popcorn.api.NotificationKind;
import org.popcorn.api.PanelDefinition;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PopcornEvent;
import org.popcorn.api.PopcornExtension;
import org.popcorn.api.SettingDefinition;
import org.popcorn.plugins.support.PluginJdbi;

/** Demo booths in residential compounds: booths and slots, staffing, kit, counts and leads at the booth, reports. */
@Extension
public class BoothsExtension implements PopcornExtension {

    static final String KIND_PROMOTED = "booths-place-freed";
    static final String KIND_SKIPPED = "booths-passed-over";
    static final String KIND_REVIEWED = "booths-proposal-reviewed";
    static final String KIND_CANCELLED = "booths-cancelled";
    static final String KIND_HELP = "booths-help-wanted";

    private PluginContext ctx;
    private Products products;
    private Booths booths;
    private Slots slots;
    private Staffing staffing;
    private Kit kit;
    private AtBooth at;
    private Leads leads;
    private Reports reports;
    private MemberData memberData;
    private Panels panels;

    @Override
    public void start(PluginContext context) {
        this.ctx = context;
        PluginJdbi db = new PluginJdbi(context.database());
        this.products = new Products(context, db);
        this.booths = new Booths(context, db, products);
        this.slots = new Slots(context, db, booths);
        this.staffing = new Staffing(context, db, booths);
        this.kit = new Kit(context, db, booths);
        this.leads = new Leads(context, db, booths);
        this.at = new AtBooth(context, db, booths, leads);
        this.reports = new Reports(context, db, booths);
        this.memberData = new MemberData(context, db);
        this.panels = new Panels(context, db);
        at.publishTexts();
    }

    @Override
    public void onSchedule(Instant now) {
        leads.eraseExpired(now);
    }

    @Override
    public Object restResource() {
        return new BoothsResource(ctx, products, booths, slots, staffing, kit, at, leads, reports, panels);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CoreEvents.SIGNUP_SKIPPED, CoreEvents.SIGNUP_CONFIRMED, CoreEvents.SIGNUP_OFFERED, CoreEvents.DEMO_LOADED);
    }

    @Override
    public void onEvent(PopcornEvent event) {
        if (event.type().equals(CoreEvents.DEMO_LOADED)) {
            new DemoBooths(ctx, products, booths).load(event);
            return;
        }
        if (!ctx.pluginId().equals(event.text("plugin"))) {
            return; // another plugin's pool
        }
        Long member = event.longValue("memberId");
        String pool = event.text("pool");
        if (member == null || pool == null || !pool.startsWith("slot-")) {
            return;
        }
        long slotId = Long.parseLong(pool.split("-")[1]);
        Booths.Row b;
        try {
            b = booths.row(booths.slot(slotId).boothId());
        } catch (org.popcorn.api.PluginProblem gone) {
            return; // the slot was removed meanwhile
        }
        switch (event.type()) {
            case CoreEvents.SIGNUP_SKIPPED -> booths.notices.passedOver(member, b, event);
            case CoreEvents.SIGNUP_OFFERED -> booths.notices.placeOffered(member, b, java.time.Instant.parse(event.text("expiresAt")), booths.zone(b.cityId()));
            default -> booths.notices.placeIsYours(member, b, pool.endsWith("-lead"));
        }
    }

    /** The member's places, booths staffed, counts sent, how many leads they captured (not whose), proposals, kit. */
    @Override
    public Object exportMember(long memberId) {
        return memberData.export(memberId);
    }

    /** Little to erase: counts and staffed booths stay under the id; proposals and future-facing names go (see MemberData). */
    @Override
    public void eraseMember(long memberId) {
        memberData.erase(memberId);
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(new SettingDefinition("points-per-slot", SettingDefinition.Type.INTEGER, "20",
                        "Points paid to each volunteer and demo lead per slot, once the booth is done"),
                new SettingDefinition("ask-hours", SettingDefinition.Type.INTEGER, "6",
                        "A slot asks its city's members for help at most once in this many hours"),
                new SettingDefinition("lead-retention-days", SettingDefinition.Type.INTEGER, "180",
                        "A lead's name and contact are erased this many days after capture"));
    }

    @Override
    public List<BadgeDefinition> badges() {
        return List.of(new BadgeDefinition("booths-first", "First booth", "Staffed a product demo booth", "home", Staffing.STAFFED_KIND, 1L),
                new BadgeDefinition("booths-ten", "Ten booths", "Staffed ten product demo booths", "home", Staffing.STAFFED_KIND, 10L));
    }

    @Override
    public List<NotificationKind> notificationKinds() {
        return List.of(new NotificationKind(KIND_PROMOTED, "A place at a demo booth freed up for you", true),
                new NotificationKind(KIND_SKIPPED, "A place at a demo booth freed up, but you could not take it"),
                new NotificationKind(KIND_REVIEWED, "Your proposed demo booth was approved or not"),
                new NotificationKind(KIND_CANCELLED, "A demo booth you signed up for was cancelled", true),
                new NotificationKind(KIND_HELP, "A demo booth in your city needs volunteers"));
    }

    /** The city page lists the city's next planned and confirmed booths. */
    @Override
    public List<PanelDefinition> panels() {
        return List.of(new PanelDefinition(PanelDefinition.CITY, Map.of("en", "Demo booths", "zh-CN", "产品体验摊位"), "panels/city"));
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry(Map.of("en", "Demo booths", "zh-CN", "产品体验摊位"), "#/p/booths/booths", "home"));
    }
}
