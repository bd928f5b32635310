package org.popcorn.plugins.meetups;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.SettingDefinition;
import org.popcorn.api.SettingDefinition.Type;
import org.popcorn.api.Settings;

/**
 * The RSVP rules (documented in docs/meetups.md and shown on every meetup page), as pure functions of a meetup, the
 * plugin's settings and the time: the priority window, newcomer seats, the no-show penalty and the check-in window.
 */
final class RsvpRules {

    static final String PRIORITY_PRIVILEGE = "priority-rsvp";

    /** The settings admins may change, with their defaults. */
    static final List<SettingDefinition> SETTINGS = List.of(
            new SettingDefinition("priority-window-hours", Type.INTEGER, "48",
                    "Hours before general opening during which members with the priority-rsvp privilege may RSVP."),
            new SettingDefinition("newcomer-share-percent", Type.INTEGER, "10",
                    "Share of a new meetup's seats kept for members who never attended a meetup (organisers may change it per meetup)."),
            new SettingDefinition("newcomer-release-hours", Type.INTEGER, "24",
                    "Hours before the start when unused newcomer seats go to everyone."),
            new SettingDefinition("no-show-limit", Type.INTEGER, "2",
                    "No-shows within the window that cost a member their priority."),
            new SettingDefinition("no-show-window-days", Type.INTEGER, "90", "Days over which no-shows are counted."),
            new SettingDefinition("no-show-penalty-days", Type.INTEGER, "60",
                    "Days without priority after the no-show that reached the limit."),
            new SettingDefinition("attendance-points", Type.INTEGER, "20", "Points paid once for attending a meetup."),
            new SettingDefinition("check-in-opens-hours", Type.INTEGER, "12",
                    "Hours before the start from which hosts can check people in."),
            new SettingDefinition("auto-finish-hours", Type.INTEGER, "6",
                    "Hours after the end when a meetup its hosts did not finish is finished for them (no-shows recorded)."));

    /** The current values. */
    record Values(int priorityWindowHours, int newcomerSharePercent, int newcomerReleaseHours, int noShowLimit, int noShowWindowDays,
                  int noShowPenaltyDays, int attendancePoints, int checkInOpensHours, int autoFinishHours) {

        static Values of(Settings s) {
            return new Values(i(s, "priority-window-hours"), i(s, "newcomer-share-percent"), i(s, "newcomer-release-hours"),
                    i(s, "no-show-limit"), i(s, "no-show-window-days"), i(s, "no-show-penalty-days"), i(s, "attendance-points"),
                    i(s, "check-in-opens-hours"), i(s, "auto-finish-hours"));
        }

        private static int i(Settings s, String key) {
            return (int) Math.max(0, Math.min(100_000, s.getLong(key)));
        }
    }

    private RsvpRules() {
    }

    /** When members with priority may RSVP; null when RSVPs are open from publication. */
    static Instant priorityOpensAt(Meetup m, Values v) {
        return m.rsvpOpensAt == null ? null : m.rsvpOpensAt.minus(Duration.ofHours(v.priorityWindowHours()));
    }

    /** Newcomer seats for a capacity, by the configured share (rounded down). */
    static int defaultNewcomerSeats(int capacity, Values v) {
        return capacity * Math.min(100, v.newcomerSharePercent()) / 100;
    }

    /** Whether unused newcomer seats have gone to everyone. */
    static boolean newcomerSeatsReleased(Meetup m, Values v, Instant now) {
        return !now.isBefore(m.startsAt.minus(Duration.ofHours(v.newcomerReleaseHours())));
    }

    /** Until when a member is without priority, given when their no-shows were recorded; empty when not penalised. */
    static Optional<Instant> penaltyUntil(List<Instant> noShows, Values v, Instant now) {
        Instant since = now.minus(Duration.ofDays(v.noShowWindowDays()));
        List<Instant> recent = noShows.stream().filter(t -> !t.isBefore(since)).sorted().toList();
        if (v.noShowLimit() < 1 || recent.size() < v.noShowLimit()) {
            return Optional.empty();
        }
        Instant until = recent.get(recent.size() - 1).plus(Duration.ofDays(v.noShowPenaltyDays()));
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Refuses an RSVP made before general opening unless the member may use the priority window. {@code privileged}
     * answers whether the member has the priority-rsvp privilege, {@code penalty} their no-show penalty; both are only
     * asked for before general opening.
     */
    static void checkOpening(Meetup m, Values v, Instant now, java.util.function.BooleanSupplier privileged,
                             java.util.function.Supplier<Optional<Instant>> penalty) {
        if (m.rsvpOpensAt == null || !now.isBefore(m.rsvpOpensAt)) {
            return;
        }
        Instant priority = priorityOpensAt(m, v);
        if (now.isBefore(priority)) {
            throw new PluginProblem(409, "RSVPs open at " + m.rsvpOpensAt + " (" + priority + " for members with priority).", "rsvpOpensAt").withCode("meetups.rsvp-not-open");
        }
        if (!privileged.getAsBoolean()) {
            throw new PluginProblem(403, "Until " + m.rsvpOpensAt + " only members with the priority RSVP privilege (earned by level) may RSVP.",
                    "rsvpOpensAt").withCode("meetups.priority-required");
        }
        Optional<Instant> paused = penalty.get();
        if (paused.isPresent()) {
            throw new PluginProblem(403, "After " + v.noShowLimit() + " no-shows your priority is paused until " + paused.get()
                    + "; RSVPs open for everyone at " + m.rsvpOpensAt + ".", "rsvpOpensAt").withCode("meetups.priority-paused");
        }
    }

    /** Refuses a check-in outside the window from check-in-opens-hours before the start until the meetup is finished (no-shows are recorded then). */
    static void checkCheckInWindow(Meetup m, Values v, Instant now, java.time.ZoneId zone) {
        if (m.status != Meetup.Status.PUBLISHED) {
            throw new PluginProblem(409, "Check-in is for published meetups; this one is " + m.status.name().toLowerCase() + ".", "status").withCode("meetups.not-published");
        }
        Instant opens = m.startsAt.minus(Duration.ofHours(v.checkInOpensHours()));
        if (now.isBefore(opens)) {
            throw new PluginProblem(409, "Check-in opens at " + org.popcorn.api.TimeTexts.inZone(opens, zone) + ".", "startsAt").withCode("meetups.check-in-not-open");
        }
    }
}
