package org.popcorn.plugins.charity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the charity API answers: records, times as instants with the city's zone. */
final class CharityViews {

    private CharityViews() {
    }

    /** A page of a list. */
    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** A campaign city and its own hours goal. */
    public record CampaignCity(long cityId, String cityName, String zone, int hoursGoal) {
    }

    /** A campaign; {@code progress} only when one campaign is asked for. */
    public record Campaign(long id, String name, String description, LocalDate startsOn, LocalDate endsOn, int hoursGoal,
                           List<String> causes, List<CampaignCity> cities, Progress progress) {
    }

    /** Verified hours against the goal, overall, per city (the relay of cities) and per cause. */
    public record Progress(long minutes, int goalHours, long volunteers, long activities, List<CityProgress> cities,
                           List<CauseProgress> causes) {
    }

    public record CityProgress(long cityId, String cityName, String zone, long minutes, int goalHours) {
    }

    public record CauseProgress(String cause, long minutes) {
    }

    /** The caller's place in a role. */
    public record Mine(String status, Integer waitingPosition) {
    }

    /**
     * A role's waiver: the version a sign-up accepts ({@code acceptWaiverVersion}), its text in English (this view picks
     * no reader's language), the text in every language given ({@code en}, {@code zh-CN}) for a page to show its reader's,
     * and whether the caller's standing acceptance is of this version (then a sign-up needs no version).
     */
    public record Waiver(int version, String text, Map<String, String> texts, boolean accepted) {
    }

    /** A role of a shift; {@code waiver} null when it has none. */
    public record Role(String code, String name, int capacity, int taken, int waiting, Integer minLevel, Mine mine, Waiver waiver) {
    }

    /** A shift; {@code seriesId} names its series when it is one of a repeated shift (see {@code series} of its activity). */
    public record Shift(long id, long activityId, Instant startsAt, Instant endsAt, Instant meetingAt, String zone, List<Role> roles,
                        Long seriesId) {
    }

    /** A shift repeated {@code every} "day" or "week" until a day in the city's zone: {@code shifts} of them, the first at {@code firstStartsAt}. */
    public record SeriesView(long id, String every, LocalDate until, int shifts, Instant firstStartsAt) {
    }

    /**
     * An activity; {@code partnerApproved} when an admin approved its partner organisation (never without a partner);
     * {@code selfLoggedHours} when it is an open-ended task whose volunteers log their own hours.
     */
    public record Activity(long id, long campaignId, long cityId, String cityName, String zone, String cause, String title,
                           String description, String meetingPoint, int meetingMinutesBefore, String partnerName,
                           boolean partnerApproved, Instant partnerApprovedAt, String status, String decisionReason, boolean canManage,
                           List<Shift> shifts, List<SeriesView> series, boolean selfLoggedHours) {
    }

    /** A sign-up's answer. */
    public record SignupView(long shiftId, String role, String status, Integer waitingPosition, int groupSize) {
    }

    public record Hours(Integer minutes, String status) {
    }

    /** One of my shifts; {@code selfLoggedHours}: I log my own hours for it (an open-ended activity) once it has started. */
    public record MyShift(long shiftId, long activityId, String activityTitle, String cityName, String zone, Instant startsAt,
                          Instant endsAt, Instant meetingAt, String meetingPoint, String role, String roleName, String status,
                          Integer waitingPosition, Hours hours, boolean selfLoggedHours) {
    }

    public record MyShifts(List<MyShift> items, long verifiedMinutes, long pendingMinutes) {
    }

    public record Change(Instant at, String byHandle, Integer fromMinutes, Integer toMinutes, String fromStatus, String toStatus,
                         String reason) {
    }

    public record RosterEntry(long memberId, String handle, String displayName, String role, String status, Instant checkedInAt,
                              Instant checkedOutAt, Integer minutes, String hoursStatus, List<Change> history) {
    }

    /** The roster's activity; {@code selfLoggedHours}: volunteers log their own hours, nobody is checked in or out. */
    public record RosterActivity(long id, String title, String cityName, String zone, String meetingPoint, boolean selfLoggedHours) {
    }

    public record Roster(Shift shift, RosterActivity activity, List<RosterEntry> entries) {
    }

    /** A volunteer on a campaign's leaderboard. */
    public record Leader(int rank, long memberId, String handle, String displayName, long minutes) {
    }
}
