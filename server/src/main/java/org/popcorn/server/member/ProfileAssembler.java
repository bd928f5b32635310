package org.popcorn.server.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.popcorn.server.language.Texts;
import org.popcorn.server.city.City;
import org.popcorn.server.city.CityService;
import org.popcorn.server.notification.NotificationService;
import org.popcorn.server.points.Badge;
import org.popcorn.server.points.LevelDef;
import org.popcorn.server.points.Levels;
import org.popcorn.server.points.PointsService;
import org.popcorn.server.points.Privilege;
import org.popcorn.server.points.RelationshipStage;
import org.popcorn.server.points.RewardsService;

/** Builds profile views from a member, their rewards and roles. */
@ApplicationScoped
public class ProfileAssembler {

    /** Activity kinds that reveal attendance, hidden from others when the member chose so. */
    static final List<String> ATTENDANCE_KINDS = List.of("meetups_attended");

    @Inject
    MemberService members;

    @Inject
    CityService cities;

    @Inject
    PointsService points;

    @Inject
    RewardsService rewards;

    @Inject
    NotificationService notifications;

    public ProfileViews.PublicProfile publicProfile(Member m) {
        ProfileViews.PublicProfile p = new ProfileViews.PublicProfile();
        fill(p, m, false);
        return p;
    }

    public ProfileViews.MyProfile mine(long memberId) {
        Member m = members.get(memberId);
        ProfileViews.MyProfile p = new ProfileViews.MyProfile();
        fill(p, m, true);
        p.email = m.email();
        p.attendanceVisible = m.attendanceVisible();
        p.language = m.language();
        p.admin = m.isAdmin();
        p.lifetimePoints = m.lifetimePoints();
        Levels levels = points.levels();
        p.nextLevel = levels.nextAfter(m.lifetimePoints()).map(l -> {
            ProfileViews.LevelView v = level(l);
            v.pointsToGo = l.minPoints() - m.lifetimePoints();
            return v;
        }).orElse(null);
        p.organiserOf = new ArrayList<>();
        for (Long cityId : members.organisedCityIds(m.id())) {
            p.organiserOf.add(cities.ref(cities.get(cityId)));
        }
        p.privileges = new ArrayList<>();
        for (Privilege priv : rewards.privileges()) {
            if (rewards.may(m.id(), m.lifetimePoints(), priv.code())) {
                p.privileges.add(priv.code());
            }
        }
        p.unreadNotifications = notifications.unreadCount(m.id());
        return p;
    }

    void fill(ProfileViews.PublicProfile p, Member m, boolean own) {
        p.id = m.id();
        p.handle = m.handle();
        p.displayName = m.displayName();
        p.bio = m.bio();
        p.avatarUrl = m.avatarUrl();
        p.homeCity = m.homeCityId() == null ? null : cities.ref(cities.get(m.homeCityId()));
        p.points = m.points();
        p.joinedAt = m.joinedAt();
        Levels levels = points.levels();
        LevelDef level = levels.levelFor(m.lifetimePoints());
        p.level = level(level);
        p.badges = new ArrayList<>();
        for (Object[] row : rewards.badgesOf(m.id())) {
            Badge b = (Badge) row[0];
            ProfileViews.BadgeView v = new ProfileViews.BadgeView();
            v.code = b.code();
            v.name = Texts.of(b.source(), "badge." + b.code() + ".name", b.name());
            v.description = Texts.of(b.source(), "badge." + b.code() + ".description", b.description());
            v.icon = b.icon();
            v.source = b.source();
            v.awardedAt = (java.time.Instant) row[1];
            p.badges.add(v);
        }
        Map<String, Long> activity = rewards.activity(m.id());
        boolean organiser = members.isOrganiser(m.id());
        RelationshipStage stage = RelationshipStage.of(level.number(), m.lifetimePoints(), activity, organiser);
        ProfileViews.StageView s = new ProfileViews.StageView();
        s.code = stage.name();
        s.label = Texts.of(Texts.CORE, "stage." + stage.name() + ".label", stage.label());
        s.nextStep = Texts.of(Texts.CORE, "stage." + stage.name() + ".next-step", stage.nextStep());
        p.stage = s;
        p.organiser = organiser;
        Map<String, Long> shown = new LinkedHashMap<>(activity);
        if (!own && !m.attendanceVisible()) {
            ATTENDANCE_KINDS.forEach(shown::remove);
        }
        p.activity = shown;
    }

    static ProfileViews.LevelView level(LevelDef l) {
        ProfileViews.LevelView v = new ProfileViews.LevelView();
        v.number = l.number();
        v.name = Texts.of(Texts.CORE, "level." + l.number() + ".name", l.name());
        v.minPoints = l.minPoints();
        return v;
    }

}
