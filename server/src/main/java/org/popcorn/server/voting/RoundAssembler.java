package org.popcorn.server.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.city.City;
import org.popcorn.server.city.CityService;
import org.popcorn.server.member.ProfileAssembler;

/** Builds round views for the caller. */
@ApplicationScoped
public class RoundAssembler {

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CityService cities;

    @Inject
    RoundService rounds;

    @Inject
    Eligibility eligibility;

    @Inject
    RoundTallies tallies;

    public RoundViews.RoundView view(Round r, boolean full) {
        RoundViews.RoundView v = new RoundViews.RoundView();
        v.id = r.id();
        v.title = r.title();
        v.description = r.description();
        v.state = r.state().name();
        v.stateReason = r.stateReason();
        v.ownerCity = r.ownerCityId() == null ? null : cities.ref(cities.get(r.ownerCityId()));
        v.nominationOpensAt = r.nominationOpensAt();
        v.nominationClosesAt = r.nominationClosesAt();
        v.opensAt = r.opensAt();
        v.closesAt = r.closesAt();
        v.closedAt = r.closedAt();
        v.mode = r.mode().name();
        v.maxChoices = r.maxChoices();
        v.candidateMode = r.candidateMode().name();
        v.supportThreshold = r.supportThreshold();
        v.sizeBrackets = r.sizeBrackets();
        RoundViews.EligibilityView e = new RoundViews.EligibilityView();
        e.minLevel = r.minLevel();
        e.memberSinceBefore = r.memberSinceBefore();
        e.countries = r.countries();
        v.eligibility = e;
        v.resultsVisibility = r.resultsVisibility().name();
        v.ballots = tallies.ballots(r.id());
        v.candidates = new ArrayList<>();
        Set<Long> candidateIds = new HashSet<>();
        for (Tallies.Candidate c : rounds.candidates(r.id())) {
            City city = cities.get(c.cityId());
            RoundViews.CandidateView cv = new RoundViews.CandidateView();
            cv.cityId = city.id();
            cv.name = cities.displayName(city);
            cv.countryCode = city.countryCode();
            cv.timeZone = city.zone().getId();
            v.candidates.add(cv);
            candidateIds.add(city.id());
        }
        v.mayManage = rounds.mayManage(caller, r);
        if (full) {
            v.nominations = new ArrayList<>();
            for (Nomination n : rounds.nominations(r.id())) {
                City city = cities.get(n.cityId());
                RoundViews.NominationView nv = new RoundViews.NominationView();
                nv.cityId = city.id();
                nv.name = cities.displayName(city);
                nv.countryCode = city.countryCode();
                nv.supporters = n.supporters();
                nv.candidate = candidateIds.contains(city.id());
                nv.supportedByMe = caller.isAuthenticated() && em.find(Nomination.Support.class,
                        new Nomination.Support.Key(r.id(), city.id(), caller.requireMemberId())) != null;
                v.nominations.add(nv);
            }
            if (caller.isAuthenticated()) {
                RoundViews.MyEligibility mine = new RoundViews.MyEligibility();
                var failed = eligibility.failedRule(r, caller.require());
                mine.eligible = failed.isEmpty();
                failed.ifPresent(f -> {
                    mine.rule = f[0];
                    mine.reason = f[1];
                });
                v.myEligibility = mine;
            }
        }
        return v;
    }
}
