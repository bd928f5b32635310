package org.popcorn.server.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import org.popcorn.server.city.City;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.member.Member;
import org.popcorn.server.points.LevelDef;
import org.popcorn.server.points.Levels;
import org.popcorn.server.points.PointsService;

/** Who may take part in a round: minimum level, member since before a date, home city in a set of countries. */
@ApplicationScoped
public class Eligibility {

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    PointsService points;

    /** The first rule the member fails, as {@code [rule, sentence]}, or empty when eligible. */
    public Optional<String[]> failedRule(Round round, Member m) {
        Levels levels = round.minLevel() == null ? null : points.levels(); // read only for a round that asks for a level
        if (levels != null && levels.levelFor(m.lifetimePoints()).number() < round.minLevel()) {
            return Optional.of(new String[] {"minLevel", "This round is for members of level " + round.minLevel()
                    + " or higher; you are level " + levels.levelFor(m.lifetimePoints()).number() + "."});
        }
        if (round.memberSinceBefore() != null && !m.joinedAt().isBefore(round.memberSinceBefore())) {
            return Optional.of(new String[] {"memberSinceBefore", "This round is for members who joined before "
                    + round.memberSinceBefore() + "."});
        }
        if (!round.countries().isEmpty()) {
            City home = m.homeCityId() == null ? null : em.find(City.class, m.homeCityId());
            if (home == null || !round.countries().contains(home.countryCode())) {
                return Optional.of(new String[] {"countries", "This round is for members whose home city is in "
                        + String.join(", ", round.countries()) + "."});
            }
        }
        return Optional.empty();
    }

    /** 403 naming the failed rule, when the member may not take part. */
    public void require(Round round, Member m) {
        failedRule(round, m).ifPresent(f -> {
            throw new ProblemException(403, "Not eligible", f[1], "eligibility." + f[0], null).withCode("round.not-eligible").withRule(f[0]);
        });
    }

    /** How many members may take part (for turnout). O(members), so callers cache it. */
    public int countEligible(Round round) {
        StringBuilder q = new StringBuilder("select count(m) from Member m where m.deletedAt is null");
        long minPoints = 0;
        if (round.minLevel() != null) {
            minPoints = points.levels().all().stream().filter(l -> l.number() >= round.minLevel())
                    .mapToLong(LevelDef::minPoints).min().orElse(Long.MAX_VALUE);
            q.append(" and m.lifetimePoints >= :minPoints");
        }
        if (round.memberSinceBefore() != null) {
            q.append(" and m.joinedAt < :since");
        }
        if (!round.countries().isEmpty()) {
            q.append(" and exists (select c from City c where c.id = m.homeCityId and c.countryCode in :countries)");
        }
        var query = em.createQuery(q.toString(), Long.class);
        if (round.minLevel() != null) {
            query.setParameter("minPoints", minPoints);
        }
        if (round.memberSinceBefore() != null) {
            query.setParameter("since", round.memberSinceBefore());
        }
        if (!round.countries().isEmpty()) {
            query.setParameter("countries", round.countries());
        }
        return query.getSingleResult().intValue();
    }

}
