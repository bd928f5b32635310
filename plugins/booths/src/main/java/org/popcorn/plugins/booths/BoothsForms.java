package org.popcorn.plugins.booths;

import java.util.List;

/** What clients send. Dates, times and instants are strings the plugin parses, so a wrong one is named, not coerced. */
final class BoothsForms {

    private BoothsForms() {
    }

    /** A catalogue product. */
    public static class ProductForm {
        public String code;
        public String name;
        public String description;
        public Boolean retired;
    }

    /** One day's opening hours in the city's local time. */
    public static class OpeningForm {
        public String date;
        public String opens;
        public String closes;
    }

    /** A new booth (or a fan's proposal). */
    public static class BoothForm {
        public Long cityId;
        public String compound;
        public String address;
        public Double latitude;
        public Double longitude;
        public List<Long> productIds;
        public Integer slotMinutes;
        public Integer volunteersPerSlot;
        public Boolean lead;
        public Integer leadMinLevel;
        public String leadQualification;
        public List<OpeningForm> openings;
    }

    /** A reason (reject, cancel). */
    public static class Reason {
        public String reason;
    }

    /** One slot, edited. */
    public static class SlotForm {
        public String startsAt;
        public String endsAt;
        public Integer volunteers;
        public Boolean lead;
    }

    /** A kit item. */
    public static class KitForm {
        public String name;
        public String serial;
        public Long bringerId;
        /** True: nobody brings it (any bringerId is ignored). */
        public Boolean noBringer;
        public Boolean checkedOut;
        public Boolean returned;
        public String damage;
    }

    /** Counts sent from the phone page, each once per client key. */
    public static class TallyBatch {
        public List<TallyEntry> entries;
    }

    /** One count. */
    public static class TallyEntry {
        public String clientKey;
        public String kind;
        public Long productId;
        public Integer count;
        public String at;
    }

    /** A consent given to a version of a purpose's text. */
    public static class ConsentForm {
        public String purpose;
        public Integer version;
    }

    /** A lead captured at the booth. */
    public static class LeadForm {
        public String clientKey;
        public String name;
        public String contact;
        public List<Long> productIds;
        public List<ConsentForm> consents;
        public String at;
    }

    /** Grants a member the plugin's qualification (e.g. product training done). */
    public static class QualificationForm {
        public Long memberId;
        public String handle;
        public String code;
    }
}
