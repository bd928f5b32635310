package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.popcorn.server.member.Member;
import org.popcorn.server.member.MemberService;
import org.popcorn.server.points.PointsService;
import org.popcorn.server.points.RewardsService;
import org.popcorn.server.qualification.QualificationService;
import org.popcorn.server.signup.MemberStanding;

/** Answers sign-up eligibility from members' points, privileges and plugins' qualifications. */
@ApplicationScoped
class PluginMemberStanding implements MemberStanding {

    @Inject
    MemberService members;

    @Inject
    PointsService points;

    @Inject
    RewardsService rewards;

    @Inject
    QualificationService qualifications;

    @Override
    public int level(long memberId) {
        return points.levels().levelFor(members.get(memberId).lifetimePoints()).number();
    }

    @Override
    public boolean may(long memberId, String privilege) {
        Member m = members.get(memberId);
        return rewards.may(memberId, m.lifetimePoints(), privilege);
    }

    @Override
    public boolean qualified(String pluginId, String code, long memberId) {
        return qualifications.holds(pluginId, code, memberId);
    }
}
