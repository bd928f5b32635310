package org.popcorn.plugins.charity;

import java.util.List;

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
    }

    /** A sign-up: how many people come together (the member included). */
    public static class Join {
        public Integer groupSize;
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
}
