package org.popcorn.plugins.booths;

import java.time.Instant;
import java.util.List;

/** What the booths API answers: records, times as instants with the city's zone. */
final class BoothsViews {

    private BoothsViews() {
    }

    /** A page of a list. */
    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** A catalogue product. */
    public record Product(long id, String code, String name, String description, boolean retired) {
    }

    /** An opening period. */
    public record Opening(Instant opensAt, Instant closesAt) {
    }

    /** The caller's place in a slot. */
    public record Mine(String role, String status, Integer waitingPosition) {
    }

    /** A slot with how full it is. */
    public record Slot(long id, long boothId, Instant startsAt, Instant endsAt, int volunteers, int taken, int waiting, boolean lead,
                       boolean leadTaken, Integer leadMinLevel, String leadQualification, Mine mine) {
    }

    /** A booth; {@code slots} and {@code openings} only when one booth is asked for. */
    public record Booth(long id, long cityId, String cityName, String zone, String compound, String address, Double latitude,
                        Double longitude, String status, String reason, Long organiserId, String organiserName, long proposedBy,
                        List<Product> products, List<Opening> openings, int slotMinutes, int volunteersPerSlot, boolean lead,
                        Integer leadMinLevel, String leadQualification, Instant firstOpensAt, List<Slot> slots, boolean canManage) {
    }

    /** A sign-up's outcome. */
    public record SignupView(long slotId, String role, String status, Integer waitingPosition) {
    }

    /** A slot of mine, with its booth. */
    public record MySlot(long slotId, long boothId, String compound, String address, String cityName, String zone, Instant startsAt,
                         Instant endsAt, String role, String status, Integer waitingPosition, String boothStatus) {
    }

    /** A slot with free places or short of people, with its booth. */
    public record OpenSlot(long slotId, long boothId, String compound, String address, String cityName, String zone, Instant startsAt,
                           Instant endsAt, int volunteers, int taken, boolean lead, boolean leadTaken, int missing, boolean leadMissing,
                           Instant askedAt) {
    }

    /** Someone holding or waiting for a place in a slot. */
    public record RosterEntry(long slotId, String role, long memberId, String handle, String displayName, String status,
                              Integer waitingPosition) {
    }

    /** A member and the plugin's qualifications they hold. */
    public record Held(long memberId, String handle, String displayName, List<String> qualifications) {
    }

    /** Asking a city for help. */
    public record Asked(long slotId, int asked) {
    }

    /** A kit item. */
    public record KitItem(long id, long boothId, String name, String serial, Long bringerId, String bringerName, Instant checkedOutAt,
                          Instant returnedAt, String damage) {
    }

    /** A consent text to show before a lead is captured. */
    public record ConsentText(String purpose, int version, String text, boolean required) {
    }

    /** What a batch of counts did. */
    public record TallyResult(int accepted, int duplicates) {
    }

    /** A product's demos. */
    public record ProductCount(long productId, String name, long count) {
    }

    /** The counts of a slot, all and the caller's own. */
    public record Tallies(long slotId, long visitors, long questions, List<ProductCount> demos, long leads, long myVisitors,
                          long myQuestions, long myDemos, long myLeads) {
    }

    /** A consent as recorded by the host. */
    public record ConsentView(String purpose, int version, Instant givenAt, Long capturedBy, Instant withdrawnAt) {
    }

    /** A lead; name and contact are null once erased. */
    public record Lead(long id, long boothId, long slotId, String name, String contact, List<Long> productIds, long capturedBy,
                       String capturedByName, Instant capturedAt, Instant erasedAt, List<ConsentView> consents) {
    }

    /** Visitors in one local hour. */
    public record HourCount(String hour, long visitors) {
    }

    /** A booth in a city report. */
    public record BoothLine(long id, String compound, String status, long visitors, long leads) {
    }

    /** What a booth (or a city's booths) gave. */
    public record Report(String zone, long visitors, long questions, List<ProductCount> demos, long leads, double consentRate,
                         double meetupInviteRate, long volunteerMinutes, List<HourCount> perHour, List<BoothLine> booths) {
    }
}
