package org.popcorn.plugins.charity;

import org.popcorn.plugins.support.Check;

import org.popcorn.plugins.support.PluginJdbi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.popcorn.api.Cities;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityForms.CampaignCityForm;
import org.popcorn.plugins.charity.CharityForms.CampaignForm;
import org.popcorn.plugins.charity.CharityViews.Campaign;
import org.popcorn.plugins.charity.CharityViews.CampaignCity;
import org.popcorn.plugins.charity.CharityViews.CauseProgress;
import org.popcorn.plugins.charity.CharityViews.CityProgress;
import org.popcorn.plugins.charity.CharityViews.Page;
import org.popcorn.plugins.charity.CharityViews.Progress;

/** Campaigns: a name, a period, causes, the participating cities with their hours goals; admins run them. */
final class Campaigns {

    private final PluginContext ctx;
    private final PluginJdbi db;

    Campaigns(PluginContext ctx, PluginJdbi db) {
        this.ctx = ctx;
        this.db = db;
    }

    Campaign create(CampaignForm f) {
        long me = ctx.currentMember().require();
        if (!ctx.currentMember().isAdmin()) {
            throw PluginProblem.forbidden("Only admins create campaigns.").withCode("charity.admin-required");
        }
        return createAs(me, f);
    }

    /** Creates a campaign on behalf of {@code me} (an admin's request, or the demo data). */
    Campaign createAs(long me, CampaignForm f) {
        if (f == null) {
            throw PluginProblem.invalid("Send the campaign as JSON.", null).withCode("charity.missing-body");
        }
        String name = Check.text(f.name, "name", 200, true);
        String description = Check.text(f.description, "description", 4000, false);
        LocalDate from = Check.date(f.startsOn, "startsOn");
        LocalDate to = Check.date(f.endsOn, "endsOn");
        if (to.isBefore(from)) {
            throw PluginProblem.invalid("A campaign ends on or after its first day.", "endsOn").withCode("charity.ends-before-start");
        }
        int goal = Check.range(f.hoursGoal, "hoursGoal", 0, 10_000_000);
        if (f.causes == null || f.causes.isEmpty() || f.causes.size() > 20) {
            throw PluginProblem.invalid("Give 1 to 20 causes, e.g. elderly-company.", "causes").withCode("charity.invalid-causes");
        }
        Set<String> causes = new LinkedHashSet<>();
        for (String c : f.causes) {
            causes.add(Check.code(c, "causes"));
        }
        if (f.cities == null || f.cities.isEmpty() || f.cities.size() > 100) {
            throw PluginProblem.invalid("Give 1 to 100 participating cities.", "cities").withCode("charity.invalid-cities");
        }
        Map<Long, Integer> cityGoals = new java.util.LinkedHashMap<>();
        for (CampaignCityForm c : f.cities) {
            if (c == null || c.cityId == null || ctx.cities().byId(c.cityId).filter(x -> !x.retired()).isEmpty()) {
                throw PluginProblem.invalid("Every city must be an active city of the catalogue.", "cities").withCode("charity.unknown-city");
            }
            if (cityGoals.put(c.cityId, Check.range(c.hoursGoal, "cities.hoursGoal", 0, 10_000_000)) != null) {
                throw PluginProblem.invalid("Each city takes part once.", "cities").withCode("charity.duplicate-city");
            }
        }
        long id = db.with(h -> {
            long cid = h.createUpdate("insert into charity_campaign (name, description, starts_on, ends_on, hours_goal, causes, created_by, "
                            + "created_at) values (:n, :d, :f, :t, :g, :c, :by, :at)")
                    .bind("n", name).bind("d", description).bind("f", from).bind("t", to).bind("g", goal)
                    .bind("c", String.join(",", causes)).bind("by", me).bind("at", PluginJdbi.ts(Instant.now(ctx.clock())))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (Map.Entry<Long, Integer> e : cityGoals.entrySet()) {
                h.createUpdate("insert into charity_campaign_city (campaign_id, city_id, hours_goal) values (?, ?, ?)")
                        .bind(0, cid).bind(1, e.getKey()).bind(2, e.getValue()).execute();
            }
            return cid;
        });
        ctx.log().info("event=charity.campaign-created campaign=" + id + " cities=" + cityGoals.size() + " by=" + me);
        return get(id, false);
    }

    Page<Campaign> list(int page, int size) {
        return db.with(h -> {
            long total = h.createQuery("select count(*) from charity_campaign").mapTo(Long.class).one();
            List<Long> ids = h.createQuery("select id from charity_campaign order by starts_on desc, id desc limit :s offset :o")
                    .bind("s", size).bind("o", (long) page * size).mapTo(Long.class).list();
            List<Campaign> items = new ArrayList<>();
            for (long id : ids) {
                items.add(get(id, false));
            }
            return new Page<>(items, total, page, size);
        });
    }

    Campaign get(long id, boolean withProgress) {
        return db.with(h -> {
            Map<String, Object> row = h.createQuery("select * from charity_campaign where id = :id").bind("id", id).mapToMap().findOne()
                    .orElseThrow(() -> PluginProblem.notFound("No campaign " + id + ".").withCode("charity.campaign-not-found"));
            List<CampaignCity> cities = cities(id);
            return new Campaign(id, (String) row.get("name"), (String) row.get("description"), localDate(row.get("starts_on")),
                    localDate(row.get("ends_on")), ((Number) row.get("hours_goal")).intValue(),
                    Arrays.asList(((String) row.get("causes")).split(",")), cities, withProgress ? progress(id, cities) : null);
        });
    }

    private static LocalDate localDate(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    List<CampaignCity> cities(long campaignId) {
        List<long[]> rows = db.with(h -> h.createQuery("select city_id, hours_goal from charity_campaign_city where campaign_id = :c order by city_id")
                .bind("c", campaignId).map((rs, c) -> new long[] {rs.getLong(1), rs.getInt(2)}).list());
        List<CampaignCity> out = new ArrayList<>();
        for (long[] r : rows) {
            Cities.CityInfo city = ctx.cities().byId(r[0]).orElse(null);
            out.add(new CampaignCity(r[0], city == null ? "?" : city.name(), city == null ? "UTC" : city.timeZone(), (int) r[1]));
        }
        return out;
    }

    /** The campaign's causes, in order. */
    List<String> causes(long campaignId) {
        return get(campaignId, false).causes();
    }

    private Progress progress(long id, List<CampaignCity> cities) {
        return db.with(h -> {
            String verified = "from charity_hours h join charity_shift s on s.id = h.shift_id join charity_activity a on a.id = s.activity_id "
                    + "where a.campaign_id = :c and h.status = 'VERIFIED'";
            long minutes = h.createQuery("select coalesce(sum(h.minutes), 0) " + verified).bind("c", id).mapTo(Long.class).one();
            long volunteers = h.createQuery("select count(distinct h.member_id) " + verified).bind("c", id).mapTo(Long.class).one();
            long activities = h.createQuery("select count(*) from charity_activity where campaign_id = :c and status = 'PUBLISHED'")
                    .bind("c", id).mapTo(Long.class).one();
            Map<Long, Long> perCity = new java.util.HashMap<>();
            h.createQuery("select a.city_id, sum(h.minutes) " + verified + " group by a.city_id").bind("c", id)
                    .map((rs, c) -> perCity.put(rs.getLong(1), rs.getLong(2))).list();
            List<CauseProgress> causes = h.createQuery("select a.cause, sum(h.minutes) " + verified + " group by a.cause order by 2 desc")
                    .bind("c", id).map((rs, c) -> new CauseProgress(rs.getString(1), rs.getLong(2))).list();
            int goal = h.createQuery("select hours_goal from charity_campaign where id = :c").bind("c", id).mapTo(Integer.class).one();
            List<CityProgress> relay = cities.stream().map(c -> new CityProgress(c.cityId(), c.cityName(), c.zone(),
                    perCity.getOrDefault(c.cityId(), 0L), c.hoursGoal())).toList();
            return new Progress(minutes, goal, volunteers, activities, relay, causes);
        });
    }
}
