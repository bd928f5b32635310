package org.popcorn.plugins.charity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityForms.RepeatForm;
import org.popcorn.plugins.support.Check;

/**
 * Series of shifts: one shift entry repeated every day or every week until a date, expanded into ordinary shifts.
 * Dates are the city's: every occurrence keeps the first shift's local start and end wall times (and the number of
 * days between them), so a Saturday 09:00–12:00 stays 09:00–12:00 across a daylight-saving change; the instants are
 * computed in the city's zone, never by adding 24 or 7×24 hours. A wall time a clock change skips moves forward by the
 * gap; one that happens twice takes the earlier offset ({@link ZonedDateTime#of}).
 */
final class Series {

    static final String DAY = "day";
    static final String WEEK = "week";
    /** The most shifts one series makes, the first included. */
    static final int MAX_SHIFTS = 31;

    private Series() {
    }

    /** One shift of a series. */
    record Occurrence(Instant startsAt, Instant endsAt) {
    }

    /** A checked repetition: {@code every} is {@link #DAY} or {@link #WEEK}. */
    record Repeat(String every, LocalDate until) {
    }

    /**
     * Checks the repetition of the shift at {@code index} of the request, whose first occurrence starts at {@code start}
     * (already checked: during the campaign, in the future): {@code every} day or week, {@code until} not before the
     * first shift's day nor after the campaign's last day, at most {@link #MAX_SHIFTS} shifts. Null: no repetition.
     */
    static Repeat check(RepeatForm r, int index, Instant start, ZoneId zone, LocalDate campaignEnd) {
        if (r == null) {
            return null;
        }
        String base = "shifts[" + index + "].repeat.";
        String every = r.every == null ? null : r.every.strip().toLowerCase(Locale.ROOT);
        if (!DAY.equals(every) && !WEEK.equals(every)) {
            throw PluginProblem.invalid("A shift repeats every \"day\" or every \"week\".", base + "every").withCode("charity.invalid-repeat");
        }
        LocalDate until = Check.date(r.until, base + "until");
        LocalDate first = start.atZone(zone).toLocalDate();
        if (until.isBefore(first)) {
            throw PluginProblem.invalid("A repetition ends on or after the first shift's day (" + first + ", " + zone.getId() + ").",
                    base + "until").withCode("charity.repeat-until-before-start");
        }
        if (until.isAfter(campaignEnd)) {
            throw PluginProblem.invalid("A repetition ends by the campaign's last day (" + campaignEnd + ").", base + "until")
                    .withCode("charity.repeat-beyond-campaign");
        }
        long count = ChronoUnit.DAYS.between(first, until) / (WEEK.equals(every) ? 7 : 1) + 1;
        if (count > MAX_SHIFTS) {
            throw PluginProblem.invalid("A repetition makes at most " + MAX_SHIFTS + " shifts; this one would make " + count + ".",
                    base + "until").withCode("charity.repeat-too-many-shifts");
        }
        return new Repeat(every, until);
    }

    /**
     * The shifts of a series in {@code zone}: the first exactly as given, then one every day or week while its day is
     * not after {@code until}, at the first's local wall times.
     */
    static List<Occurrence> expand(Instant start, Instant end, ZoneId zone, Repeat repeat) {
        List<Occurrence> out = new ArrayList<>();
        out.add(new Occurrence(start, end));
        if (repeat == null) {
            return out;
        }
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        LocalDate first = s.toLocalDate();
        long endDays = ChronoUnit.DAYS.between(first, e.toLocalDate());
        LocalTime from = s.toLocalTime();
        LocalTime to = e.toLocalTime();
        for (int k = 1; k < MAX_SHIFTS; k++) {
            LocalDate day = WEEK.equals(repeat.every()) ? first.plusWeeks(k) : first.plusDays(k);
            if (day.isAfter(repeat.until())) {
                break;
            }
            out.add(new Occurrence(ZonedDateTime.of(day, from, zone).toInstant(), ZonedDateTime.of(day.plusDays(endDays), to, zone).toInstant()));
        }
        return out;
    }
}
