package org.popcorn.plugins.meetups;

import org.popcorn.api.CoreEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;
import org.popcorn.api.Message;
import org.popcorn.api.NavigationEntry;
import org.popcorn.api.NotificationKind;
import org.popcorn.api.PanelDefinition;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.PopcornEvent;
import org.popcorn.api.PopcornExtension;
import org.popcorn.api.PrivilegeDefinition;
import org.popcorn.api.SettingDefinition;
import org.popcorn.api.Signups;

/**
 * Meetups: organisers schedule meetups and members propose them; fans RSVP with guests on seats kept by the host's
 * sign-up pools (capacity never exceeded, waiting list in order, offers, newcomer seats, a priority window), check in
 * with a personal code, rate and read recaps; calendars in iCalendar; a closed city vote creates a draft official
 * meetup in the winning city. The rules are in {@link RsvpRules} and docs/meetups.md.
 */
@Extension
public class MeetupsExtension implements PopcornExtension {

    static final String KIND_PROMOTED = "meetups-promoted";
    static final String KIND_CANCELLED = "meetups-cancelled";
    static final String KIND_CHANGED = "meetups-changed";
    static final String KIND_REVIEWED = "meetups-reviewed";

    private PluginContext ctx;
    private MeetupStore store;
    private SeatService seats;
    private SchedulingService scheduling;
    private AttendanceStore attendance;
    private AttendanceService attendanceService;
    private MemberData memberData;

    @Override
    public void start(PluginContext context) {
        this.ctx = context;
        this.store = new MeetupStore(context.database());
        this.attendance = new AttendanceStore(context.database());
        this.seats = new SeatService(context, store, attendance);
        this.attendanceService = new AttendanceService(context, store, attendance, seats);
        this.scheduling = new SchedulingService(context, store, new TrustedHostStore(context.database()), seats, attendanceService);
        this.memberData = new MemberData(context);
        Instant now = Instant.now(ctx.clock());
        for (Meetup m : store.published("ends_at", now, now.plus(Duration.ofDays(3660)), 5000)) {
            seats.timeUntimedPools(m); // pools from before SDK 0.2 learn their meetup's time
        }
    }

    @Override
    public Object restResource() {
        return new MeetupsResource(ctx, store, attendance, seats, scheduling, attendanceService);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CoreEvents.ROUND_CLOSED, CoreEvents.SIGNUP_OFFERED, CoreEvents.SIGNUP_OFFER_EXPIRED, CoreEvents.SIGNUP_CONFIRMED, CoreEvents.DEMO_LOADED);
    }

    @Override
    public void onEvent(PopcornEvent event) {
        if (event.type().equals(CoreEvents.ROUND_CLOSED)) {
            officialDraft(event);
        } else if (event.type().equals(CoreEvents.DEMO_LOADED)) {
            new DemoMeetups(ctx, store, attendance, seats).load(event);
        } else if (ctx.pluginId().equals(event.text("plugin"))) {
            offerChanged(event);
        }
    }

    /** A closed round creates a draft official meetup in the winning city, sized by the chosen size (once per round). */
    private void officialDraft(PopcornEvent event) {
        Long round = event.longValue("roundId");
        Long city = event.longValue("winnerCityId");
        if (round == null || city == null || store.existsForRound(round)) {
            return;
        }
        Meetup m = new Meetup();
        m.cityId = city;
        m.title = "Official meetup: " + event.text("title");
        m.description = "Chosen by the city vote. Pledged attendance: " + event.text("pledges") + ". Organisers: complete the details.";
        m.venueName = "To be announced";
        Instant start = Instant.now(ctx.clock()).plus(Duration.ofDays(60));
        m.startsAt = start;
        m.endsAt = start.plus(Duration.ofHours(4));
        Long size = event.longValue("chosenSize");
        m.capacity = size == null ? 50 : size.intValue();
        m.newcomerSeats = RsvpRules.defaultNewcomerSeats(m.capacity, seats.rules());
        m.kind = Meetup.Kind.OFFICIAL;
        m.status = Meetup.Status.DRAFT;
        m.createdBy = 0;
        m.roundId = round;
        Long pledges = event.longValue("pledges");
        m.pledges = pledges == null ? null : pledges.intValue();
        try {
            long id = store.insert(m);
            seats.createPools(m);
            ctx.log().info("event=meetups.official-draft meetup=" + id + " round=" + round + " city=" + city);
        } catch (PluginProblem alreadyThere) {
            // another delivery of the same event won the unique round_id: nothing to do
        }
    }

    /** The host's sweeper expired an offer and offered the seats on: tell both members. */
    private void offerChanged(PopcornEvent event) {
        String pool = event.text("pool");
        Long member = event.longValue("memberId");
        if (pool == null || member == null || !pool.matches("meetup-\\d+")) {
            return;
        }
        Meetup m = store.get(Long.parseLong(pool.substring("meetup-".length())));
        switch (event.type()) {
            case CoreEvents.SIGNUP_OFFER_EXPIRED -> {
                attendance.deleteTicket(m.id, member);
                ctx.notifications().notify(member, KIND_PROMOTED, Message.of("offer-expired.title", "Offer expired: {title}").with("title", m.title),
                        seats.withWhenAndWhere(m, Message.of("offer-expired.body",
                                "Nobody accepted the seats in time, so they went to the next in line. You can RSVP again.")), link(m.id));
            }
            case CoreEvents.SIGNUP_OFFERED -> seats.tell(m, member, Signups.Status.OFFERED, Instant.parse(event.text("expiresAt")));
            default -> seats.tell(m, member, Signups.Status.CONFIRMED, null);
        }
    }

    /**
     * Time-driven housekeeping: meetups their hosts did not finish are finished {@code auto-finish-hours} after the end
     * (no-shows recorded once, whichever server gets there first), and meetups entering the newcomer release window
     * hand their unused newcomer seats to the waiting list.
     */
    @Override
    public void onSchedule(Instant now) {
        RsvpRules.Values v = seats.rules();
        for (Meetup m : store.published("ends_at", null, now.minus(Duration.ofHours(v.autoFinishHours())), 50)) {
            try {
                scheduling.finishNow(m, "schedule");
            } catch (PluginProblem finishedMeanwhile) {
                // a host or another server finished it first
            }
        }
        for (Meetup m : store.published("starts_at", now, now.plus(Duration.ofHours(v.newcomerReleaseHours())), 500)) {
            if (m.newcomerSeats > 0) {
                seats.sync(m, now);
            }
        }
    }

    /** The member's tickets, ratings, hosted and proposed meetups, no-shows, trusted-host cities and feed (see {@link MemberData}). */
    @Override
    public Object exportMember(long memberId) {
        return memberData.export(memberId);
    }

    /** Deletes the member's feed, grants, no-shows, future tickets and comments; keeps stars, attendance and hosting. */
    @Override
    public void eraseMember(long memberId) {
        memberData.erase(memberId);
    }

    /** The meetups' privileges (seeded by the core before plugins declared their own; claimed here with their grants). */
    @Override
    public List<PrivilegeDefinition> privileges() {
        return List.of(new PrivilegeDefinition(RsvpRules.PRIORITY_PRIVILEGE, "Priority RSVP",
                        "RSVP during a meetup's priority window, before general opening.", 4),
                new PrivilegeDefinition(SchedulingService.HOST_WITHOUT_REVIEW, "Host without review",
                        "Publish fan meetups in your own city without an organiser's approval.", 5));
    }

    /** The city page lists the city's next meetups; a profile the meetups the member attended (if they show attendance). */
    @Override
    public List<PanelDefinition> panels() {
        Map<String, String> title = Map.of("en", "Meetups", "zh-CN", "聚会");
        return List.of(new PanelDefinition(PanelDefinition.CITY, title, "panels/city"),
                new PanelDefinition(PanelDefinition.PROFILE, title, "panels/profile"));
    }

    @Override
    public List<SettingDefinition> settings() {
        return RsvpRules.SETTINGS;
    }

    @Override
    public List<NotificationKind> notificationKinds() {
        return List.of(new NotificationKind(KIND_PROMOTED, "A seat freed up for you at a meetup (or your offer expired)", true),
                new NotificationKind(KIND_CANCELLED, "A meetup you signed up for was cancelled", true),
                new NotificationKind(KIND_CHANGED, "The time or place of a meetup you signed up for changed", true),
                new NotificationKind(KIND_REVIEWED, "Your proposed meetup was approved or not"));
    }

    @Override
    public List<NavigationEntry> navigation() {
        // organisers see how many proposals wait for their decision beside the entry
        return List.of(new NavigationEntry(Map.of("en", "Meetups", "zh-CN", "聚会"), "/plugins/meetups/index.html", "calendar", "proposals?size=1"));
    }

    /** The web page of a meetup. */
    static String link(long meetupId) {
        return "/plugins/meetups/meetup.html#" + meetupId;
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw PluginProblem.invalid("'" + field + "' is required.", field).withCode("meetups.missing-field");
            }
            return null;
        }
        if (value.length() > max) {
            throw PluginProblem.invalid("'" + field + "' has at most " + max + " characters.", field).withCode("meetups.too-long");
        }
        return value.strip();
    }

    static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw PluginProblem.invalid("'" + field + "' is an ISO-8601 instant such as 2026-12-24T11:00:00Z.", field).withCode("meetups.invalid-time");
        }
    }
}
