package org.popcorn.plugins.charity;

import org.popcorn.api.CoreEvents;
import org.popcorn.plugins.support.PluginJdbi;

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

/** The charity month: campaigns across cities, activities with shifts and roles, volunteers, verified hours. */
@Extension
public class CharityExtension implements PopcornExtension {

    static final String KIND_PROMOTED = "charity-place-freed";
    static final String KIND_SKIPPED = "charity-passed-over";
    static final String KIND_REVIEWED = "charity-proposal-reviewed";
    static final String KIND_HOURS = "charity-hours-verified";
    static final String KIND_REMINDER = "charity-reminder";

    private PluginContext ctx;
    private Campaigns campaigns;
    private Activities activities;
    private Waivers waivers;
    private Volunteering volunteering;
    private HoursService hours;
    private Reports reports;
    private Reminders reminders;
    private MemberData memberData;
    private Panels panels;
    private Certificates certificates;
    private Partners partners;
    private SelfLoggedHours selfLogged;

    @Override
    public void start(PluginContext context) {
        this.ctx = context;
        PluginJdbi db = new PluginJdbi(context.database());
        this.campaigns = new Campaigns(context, db);
        this.waivers = new Waivers(context, db);
        this.activities = new Activities(context, db, campaigns, waivers);
        this.volunteering = new Volunteering(context, db, activities, waivers);
        this.hours = new HoursService(context, db, activities);
        this.reports = new Reports(context, db, activities);
        this.reminders = new Reminders(context, db, activities);
        this.memberData = new MemberData(context, db, activities, waivers);
        this.panels = new Panels(context, db, activities);
        this.certificates = new Certificates(context, db, campaigns);
        this.partners = new Partners(context, db, activities);
        this.selfLogged = new SelfLoggedHours(context, db, activities, hours, volunteering);
    }

    @Override
    public void onSchedule(java.time.Instant now) {
        reminders.send(now);
    }

    @Override
    public Object restResource() {
        return new CharityResource(campaigns, activities, volunteering, hours, reports, panels, certificates, partners, selfLogged);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CoreEvents.SIGNUP_SKIPPED, CoreEvents.SIGNUP_CONFIRMED, CoreEvents.SIGNUP_OFFERED, CoreEvents.DEMO_LOADED);
    }

    @Override
    public void onEvent(PopcornEvent event) {
        if (event.type().equals(CoreEvents.DEMO_LOADED)) {
            new DemoCharity(ctx, campaigns, activities).load(event);
            return;
        }
        if (!ctx.pluginId().equals(event.text("plugin"))) {
            return; // another plugin's pool
        }
        Long member = event.longValue("memberId");
        String pool = event.text("pool");
        if (member == null || pool == null || !pool.startsWith("shift-")) {
            return;
        }
        long shiftId = Long.parseLong(pool.split("-")[1]);
        Activities.ShiftRow shift = activities.shift(shiftId).orElse(null);
        if (shift == null) {
            return;
        }
        Activities.Row a = activities.row(shift.activityId());
        switch (event.type()) {
            case CoreEvents.SIGNUP_SKIPPED -> activities.notices.passedOver(member, a, event);
            case CoreEvents.SIGNUP_OFFERED -> activities.notices.placeOffered(member, a, java.time.Instant.parse(event.text("expiresAt")),
                    activities.zone(a.cityId()));
            default -> activities.notices.placeIsYours(member, a, null);
        }
    }

    /** The member's shifts with their hours and its history, the activities they created, their reminders, certificates and accepted waivers. */
    @Override
    public Object exportMember(long memberId) {
        return memberData.export(memberId);
    }

    /**
     * Deletes reminders, certificates, hours of shifts not yet begun and never-published proposals, and withdraws the
     * member's waiver acceptances; keeps hours that count (see MemberData).
     */
    @Override
    public void eraseMember(long memberId) {
        memberData.erase(memberId);
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(new SettingDefinition("cancel-hours", SettingDefinition.Type.INTEGER, "12",
                        "Volunteers may cancel their place until this many hours before the shift"),
                new SettingDefinition("points-per-hour", SettingDefinition.Type.INTEGER, "10", "Points paid per verified hour"),
                new SettingDefinition("max-group", SettingDefinition.Type.INTEGER, "4",
                        "The largest group (a family, a fan-club team) that signs up and waits together"),
                new SettingDefinition(Activities.REST_SETTING, SettingDefinition.Type.INTEGER, "0",
                        "Minutes a volunteer keeps free between two shifts, or a shift and another plugin's exclusive place "
                                + "(0 to 1440; for activities created or approved after a change)"),
                new SettingDefinition(Certificates.FONT_SETTING, SettingDefinition.Type.STRING, Certificates.DEFAULT_FONT,
                        "CJK font file for certificates (Debian: fonts-noto-cjk)"));
    }

    @Override
    public List<BadgeDefinition> badges() {
        return List.of(new BadgeDefinition("charity-10h", "10 hours of good", "Volunteered 10 verified hours in the charity month",
                        "heart", HoursService.MINUTES_KIND, 600L),
                new BadgeDefinition("charity-50h", "50 hours of good", "Volunteered 50 verified hours", "heart", HoursService.MINUTES_KIND, 3000L),
                new BadgeDefinition("charity-100h", "100 hours of good", "Volunteered 100 verified hours", "heart", HoursService.MINUTES_KIND, 6000L));
    }

    @Override
    public List<NotificationKind> notificationKinds() {
        return List.of(new NotificationKind(KIND_PROMOTED, "A volunteer place freed up for you", true),
                new NotificationKind(KIND_SKIPPED, "A volunteer place freed up, but you could not take it"),
                new NotificationKind(KIND_REVIEWED, "Your proposed charity activity was approved or not"),
                new NotificationKind(KIND_HOURS, "Your volunteer hours were verified"),
                new NotificationKind(KIND_REMINDER, "Reminders the day before and on the day of your volunteer shift", true));
    }

    /** The city page lists the city's next volunteering; a profile the member's verified hours. */
    @Override
    public List<PanelDefinition> panels() {
        return List.of(new PanelDefinition(PanelDefinition.CITY, Map.of("en", "Volunteering", "zh-CN", "志愿活动"), "panels/city"),
                new PanelDefinition(PanelDefinition.PROFILE, Map.of("en", "Volunteering", "zh-CN", "志愿服务"), "panels/profile"));
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry(Map.of("en", "Charity month", "zh-CN", "公益月"), "#/p/charity/campaigns", "heart"));
    }

    /** The page of an activity, inside the app. */
    static String link(long activityId) {
        return "/#/p/charity/activity/" + activityId;
    }

    /** The public page that verifies a certificate, inside the app. */
    static String verifyLink(String code) {
        return "/#/p/charity/verify/" + code;
    }
}
