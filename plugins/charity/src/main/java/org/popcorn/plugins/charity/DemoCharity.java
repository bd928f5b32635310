package org.popcorn.plugins.charity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PopcornEvent;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.CampaignCityForm;
import org.popcorn.plugins.charity.CharityForms.CampaignForm;
import org.popcorn.plugins.charity.CharityForms.RoleForm;
import org.popcorn.plugins.charity.CharityForms.ShiftForm;

/**
 * Sample data for the README run: a campaign around today in the demo organiser's city, an activity with a shift
 * starting within the hour (so check-in can be tried at once) that the demo fan signed up for, and one tomorrow
 * with a team lead and a driver role that need a level.
 */
final class DemoCharity {

    private final PluginContext ctx;
    private final Campaigns campaigns;
    private final Activities activities;

    DemoCharity(PluginContext ctx, Campaigns campaigns, Activities activities) {
        this.ctx = ctx;
        this.campaigns = campaigns;
        this.activities = activities;
    }

    void load(PopcornEvent event) {
        Long organiser = event.longValue("organiserId");
        Long city = event.longValue("cityId");
        Long fan = event.longValue("fanId");
        if (organiser == null || city == null || campaigns.list(0, 1).total() > 0) {
            return;
        }
        ZoneId zone = activities.zone(city);
        LocalDate today = LocalDate.now(zone);
        CampaignForm c = new CampaignForm();
        c.name = "Charity Month " + today.getYear();
        c.description = "Fans in every city give a month of their time: company for the elderly, afternoons with children with "
                + "special needs, and a hand for the villages around us.";
        c.startsOn = today.minusDays(7).toString();
        c.endsOn = today.plusDays(30).toString();
        c.hoursGoal = 2000;
        c.causes = List.of("elderly-company", "special-needs-children", "rural-revitalisation");
        CampaignCityForm cc = new CampaignCityForm();
        cc.cityId = city;
        cc.hoursGoal = 400;
        c.cities = List.of(cc);
        long campaign = campaigns.createAs(organiser, c).id();

        Instant soon = Instant.now(ctx.clock()).plus(Duration.ofMinutes(30));
        ActivityForm today1 = activity(city, "elderly-company", "Afternoon at the Sunshine care home",
                "Tea, cards and stories with the residents. No experience needed; the home's staff brief us at the door.",
                "Main gate of the Sunshine care home", 15, "Sunshine Care Home");
        today1.shifts = List.of(shift(soon, soon.plus(Duration.ofHours(2)), role("helper", "Helper", 8, null), role("lead", "Team lead", 1, null)));
        long first = activities.createAs(organiser, true, campaign, today1).id();

        Instant tomorrow = Instant.now(ctx.clock()).plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        ActivityForm trees = activity(city, "rural-revitalisation", "Planting fruit trees in the village",
                "A day in the orchards with the village co-operative. Wear boots; lunch is on the co-operative.",
                "East bus station, platform 3", 30, "Green Village Co-operative");
        trees.shifts = List.of(shift(tomorrow, tomorrow.plus(Duration.ofHours(5)), role("helper", "Helper", 20, null),
                role("driver", "Driver", 2, 2), role("lead", "Team lead", 1, 3)));
        activities.createAs(organiser, true, campaign, trees);

        if (fan != null) {
            long shift = activities.view(activities.row(first)).shifts().get(0).id();
            ctx.signups().join(Activities.pool(shift, "helper"), fan, 1);
        }
        ctx.log().info("event=charity.demo-loaded campaign=" + campaign + " city=" + city);
    }

    private static ActivityForm activity(long city, String cause, String title, String description, String meetingPoint, int before,
                                         String partner) {
        ActivityForm a = new ActivityForm();
        a.cityId = city;
        a.cause = cause;
        a.title = title;
        a.description = description;
        a.meetingPoint = meetingPoint;
        a.meetingMinutesBefore = before;
        a.partnerName = partner;
        return a;
    }

    private static ShiftForm shift(Instant start, Instant end, RoleForm... roles) {
        ShiftForm s = new ShiftForm();
        s.startsAt = start.toString();
        s.endsAt = end.toString();
        s.roles = List.of(roles);
        return s;
    }

    private static RoleForm role(String code, String name, int capacity, Integer minLevel) {
        RoleForm r = new RoleForm();
        r.code = code;
        r.name = name;
        r.capacity = capacity;
        r.minLevel = minLevel;
        return r;
    }
}
