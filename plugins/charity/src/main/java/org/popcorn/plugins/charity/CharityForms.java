package org.popcorn.plugins.charity;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What clients send. Times and dates are strings the plugin parses, so a wrong one is named, not coerced. */
final class CharityForms {

    private CharityForms() {
    }

    public static class CampaignCityForm {
        public Long cityId;
        public Integer hoursGoal;
    }

    public static class CampaignForm {
        public String name;
        public String description;
        public String startsOn;
        public String endsOn;
        public Integer hoursGoal;
        public List<String> causes;
        public List<CampaignCityForm> cities;
    }

    public static class RoleForm {
        public String code;
        public String name;
        public Integer capacity;
        public Integer minLevel;
        @Schema(description = "Optional waiver volunteers accept before signing up for the role: {\"en\": \"…\", \"zh-CN\": \"…\"} "
                + "(English required when given, 简体中文 optional; each at most 4000 characters). One per role of the activity: "
                + "it holds for the role in every shift, so give it once or the same in each shift.")
        public Map<String, String> waiver;
    }

    /** A shift repeated {@code every} "day" or "week" until a date (yyyy-mm-dd, in the city's zone), the first shift included. */
    public static class RepeatForm {
        public String every;
        public String until;
    }

    public static class ShiftForm {
        public String startsAt;
        public String endsAt;
        public List<RoleForm> roles;
        /** Null: this shift once. */
        public RepeatForm repeat;
    }

    public static class ActivityForm {
        public Long cityId;
        public String cause;
        public String title;
        public String description;
        public String meetingPoint;
        public Integer meetingMinutesBefore;
        public String partnerName;
        public List<ShiftForm> shifts;
        @Schema(description = "An open-ended task (default false): volunteers with a confirmed place log their own minutes for "
                + "each shift once it has started (PUT /shifts/{id}/hours/mine), pending until the lead verifies them; its "
                + "shifts have no check-in or check-out.")
        public Boolean selfLoggedHours;
    }

    /** A sign-up: how many people come together (the member included), and the waiver version the member accepts. */
    public static class Join {
        public Integer groupSize;
        @Schema(description = "The version of the role's waiver the member read and accepts (the role's waiver.version). Required "
                + "when the role has a waiver the member has not accepted in its current version: missing is 422 "
                + "charity.waiver-required, another version 409 charity.waiver-outdated.")
        public Integer acceptWaiverVersion;
    }

    public static class Decision {
        public String reason;
    }

    public static class MemberRef {
        public Long memberId;
    }

    /** An admin's approval of an activity's partner organisation (false withdraws it). */
    public static class PartnerApproval {
        public Boolean approved;
    }

    public static class HoursForm {
        public String status;
        public Integer minutes;
        public String reason;
    }

    /** A volunteer's own hours for a shift of an open-ended activity. */
    public static class MyHoursForm {
        @Schema(description = "Minutes worked, 1 to 1440 (422 charity.invalid-minutes).")
        public Integer minutes;
        @Schema(description = "Optional note for the team lead (what was done), at most 500 characters; kept in the history as the reason.")
        public String note;
    }
}
