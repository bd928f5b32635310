package org.popcorn.server.demo;

import org.popcorn.api.CoreEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.api.Message;
import org.popcorn.server.auth.AuthRequests;
import org.popcorn.server.auth.PasswordHasher;
import org.popcorn.server.city.City;
import org.popcorn.server.city.CityService;
import org.popcorn.server.event.DomainEvents;
import org.popcorn.server.member.Member;
import org.popcorn.server.member.MemberService;
import org.popcorn.server.points.PointsService;
import org.popcorn.server.points.RewardsService;

/**
 * A small living community for newcomers and demos ({@code POPCORN_DEMO=true}), loaded once into an empty database:
 * a demo fan, organiser and admin whose passwords are generated on first start (printed in the log and written to
 * {@code <data dir>/demo-logins.txt}, never stored in the repository), and a few dozen fans in Chinese and other cities
 * with points, badges and activity.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    static final String[][] FANS = {
        {"xiaoming", "小明", "Beijing"}, {"lili", "莉莉", "Shanghai"}, {"chengdu-panda", "成都熊猫", "Chengdu"},
        {"ahua", "阿华", "Guangzhou"}, {"shenzhen-sam", "Sam Chen", "Shenzhen"}, {"wuhan-wei", "魏伟", "Wuhan"},
        {"xian-yan", "燕子", "Xi'an"}, {"hz-tea", "龙井", "Hangzhou"}, {"nanjing-nan", "南南", "Nanjing"},
        {"cq-hotpot", "火锅侠", "Chongqing"}, {"tianjin-tian", "天天", "Tianjin"}, {"suzhou-su", "苏苏", "Suzhou"},
        {"kaito", "Kaito", "Tokyo"}, {"marie", "Marie", "Paris"}, {"joao", "João", "São Paulo"},
        {"nyc-nina", "Nina", "New York City"}, {"berlin-ben", "Ben", "Berlin"}, {"sg-siew", "Siew Ling", "Singapore"},
        {"kl-aziz", "Aziz", "Kuala Lumpur"}, {"bj-bao", "包包", "Beijing"}, {"sh-shan", "珊珊", "Shanghai"},
        {"cd-chuan", "川川", "Chengdu"}, {"gz-guang", "光光", "Guangzhou"}, {"bj-dong", "东东", "Beijing"},
    };

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    DomainEvents events;

    @Inject
    MemberService members;

    @Inject
    PasswordHasher hasher;

    @Inject
    CityService cities;

    @Inject
    PointsService points;

    @Inject
    RewardsService rewards;

    @Inject
    @ConfigProperty(name = "popcorn.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    org.popcorn.server.auth.Caller caller;

    @Inject
    org.popcorn.server.voting.RoundService rounds;

    @Inject
    org.popcorn.server.voting.BallotService ballots;

    @Transactional
    @jakarta.enterprise.context.control.ActivateRequestContext
    public boolean loadIfEmpty() {
        long count = em.createQuery("select count(m) from Member m", Long.class).getSingleResult();
        long nonAdmins = em.createQuery("select count(m) from Member m where m.admin = :no", Long.class)
                .setParameter("no", Boolean.FALSE).getSingleResult();
        if (nonAdmins > 0 || count > 1) {
            LOG.fine("event=demo.skipped reason=community-not-empty");
            return false;
        }
        City beijing = city("Beijing");
        City chengdu = city("Chengdu");
        String fanPassword = password();
        String organiserPassword = password();
        String adminPassword = password();
        Member fan = register("demo-fan", "Demo Fan", "demo-fan@example.org", fanPassword, beijing, hasher.hash(fanPassword));
        Member organiser = register("demo-organiser", "Demo Organiser", "demo-organiser@example.org", organiserPassword, chengdu,
                hasher.hash(organiserPassword));
        Member admin = register("demo-admin", "Demo Admin", "demo-admin@example.org", adminPassword, beijing, hasher.hash(adminPassword));
        admin.admin(true);
        members.grantOrganiser(organiser.id(), chengdu.id(), admin.id());
        members.grantOrganiser(organiser.id(), city("Shanghai").id(), admin.id());

        String nobodyKnows = hasher.hash(password());
        Random random = new Random(42);
        List<Member> community = new ArrayList<>();
        for (String[] f : FANS) {
            Member m = register(f[0], f[1], f[0] + "@example.org", null, city(f[2]), nobodyKnows);
            m.attendanceVisible(community.size() % 3 != 2); // most demo fans chose to show they are coming
            community.add(m);
        }
        community.add(fan);
        community.add(organiser);
        for (Member m : community) {
            int votes = random.nextInt(12);
            for (int v = 1; v <= votes; v++) {
                points.award(m.id(), 20, Message.of("points.demo-voted", "Voted in a city round"), "core", "demo-vote-" + v);
            }
            if (votes > 0) {
                rewards.recordActivity(m.id(), "votes", votes);
            }
            // meetups attended come from the meetups plugin's own demo (a past meetup with check-ins): counting them here,
            // without tickets, told fans who "attended" several meetups that they had never been to one
        }
        members.grantOrganiser(community.get(0).id(), beijing.id(), admin.id());
        votingRounds(admin, organiser, community, random);
        String logins = "Popcorn demo logins (generated on first start; change them or delete the data dir to regenerate)\n"
                + "  fan:       demo-fan / " + fanPassword + "\n"
                + "  organiser: demo-organiser / " + organiserPassword + "   (organises Chengdu and Shanghai)\n"
                + "  admin:     demo-admin / " + adminPassword + "\n";
        LOG.info("event=demo.loaded members=" + (community.size() + 1) + "\n" + logins);
        try {
            Path dir = Path.of(dataDir);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("demo-logins.txt"), logins);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "event=demo.logins-not-written reason=" + e.getMessage());
        }
        return true;
    }

    /**
     * Tells plugins (started after the demo was loaded) that this is a fresh demo community, so they can add their own
     * sample data: the demo organiser, their city, the demo fan and the demo members living in that city.
     */
    @Transactional
    public void announce() {
        Member organiser = em.createQuery("select m from Member m where m.handle = 'demo-organiser'", Member.class).getSingleResult();
        Member fan = em.createQuery("select m from Member m where m.handle = 'demo-fan'", Member.class).getSingleResult();
        List<String> locals = em.createQuery("select m.handle from Member m where m.homeCityId = :c and m.handle <> 'demo-organiser' order by m.id",
                String.class).setParameter("c", organiser.homeCityId()).getResultList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organiserId", organiser.id());
        payload.put("cityId", organiser.homeCityId());
        payload.put("fanId", fan.id());
        payload.put("handles", String.join(",", locals));
        events.publish(CoreEvents.DEMO_LOADED, "core", payload);
    }

    /** A closed community-wide round with results, and an open one in Chengdu's hands to vote in. */
    private void votingRounds(Member admin, Member organiser, List<Member> community, Random random) {
        java.time.Instant now = java.time.Instant.now();
        List<Long> bigFour = List.of(city("Chengdu").id(), city("Shanghai").id(), city("Beijing").id(), city("Guangzhou").id());
        caller.actAs(admin.id());
        org.popcorn.server.voting.RoundRequests.RoundInput past = new org.popcorn.server.voting.RoundRequests.RoundInput();
        past.title = "Spring Fan Festival 2026: which city hosts it?";
        past.description = "Pick the city for our spring festival and tell us how big it should be.";
        past.opensAt = now.minusSeconds(60);
        past.closesAt = now.plusSeconds(3600);
        past.candidateCityIds = bigFour;
        past.sizeBrackets = List.of(50, 200, 1000);
        var closed = rounds.create(caller, past);
        rounds.open(caller, closed.id());
        int[] preference = {0, 0, 0, 1, 1, 2, 3};
        for (Member m : community) {
            caller.actAs(m.id());
            org.popcorn.server.voting.RoundRequests.BallotInput b = new org.popcorn.server.voting.RoundRequests.BallotInput();
            b.choices = List.of(bigFour.get(preference[random.nextInt(preference.length)]));
            b.size = List.of(50, 200, 200, 1000).get(random.nextInt(4));
            b.pledge = random.nextInt(3) > 0;
            ballots.cast(caller, closed.id(), b);
        }
        caller.actAs(admin.id());
        rounds.close(caller, closed.id());

        caller.actAs(organiser.id());
        org.popcorn.server.voting.RoundRequests.RoundInput open = new org.popcorn.server.voting.RoundRequests.RoundInput();
        open.title = "Autumn meetup in Sichuan & beyond";
        open.description = "Chengdu's organisers ask: where should the autumn meetup go? You may pick up to two cities.";
        open.ownerCityId = city("Chengdu").id();
        open.opensAt = now.minusSeconds(60);
        open.closesAt = now.plus(java.time.Duration.ofDays(14));
        open.mode = org.popcorn.server.voting.Round.Mode.APPROVAL;
        open.maxChoices = 2;
        open.candidateCityIds = List.of(city("Chengdu").id(), city("Chongqing").id(), city("Xi'an").id());
        open.sizeBrackets = List.of(30, 100, 300);
        var live = rounds.create(caller, open);
        rounds.open(caller, live.id());
        for (Member m : community.subList(0, community.size() / 2)) {
            caller.actAs(m.id());
            org.popcorn.server.voting.RoundRequests.BallotInput b = new org.popcorn.server.voting.RoundRequests.BallotInput();
            b.choices = List.of(open.candidateCityIds.get(random.nextInt(3)));
            b.size = List.of(30, 100, 300).get(random.nextInt(3));
            b.pledge = random.nextBoolean();
            ballots.cast(caller, live.id(), b);
        }
    }

    private Member register(String handle, String name, String email, String password, City city, String hash) {
        AuthRequests.Registration r = new AuthRequests.Registration();
        r.handle = handle;
        r.displayName = name;
        r.email = email;
        r.password = password == null ? "unused-password-" + handle : password;
        r.homeCityId = city.id();
        return members.register(r, hash);
    }

    private City city(String name) {
        List<City> found = cities.search(name, null, false, 0, 1).items;
        if (found.isEmpty()) {
            throw new IllegalStateException("demo city " + name + " is not in the catalogue");
        }
        return found.get(0);
    }

    private static String password() {
        SecureRandom r = new SecureRandom();
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
