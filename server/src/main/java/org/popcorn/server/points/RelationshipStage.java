package org.popcorn.server.points;

import java.util.Map;

/**
 * The community's five relationship stages, derived from participation. The rules, checked from the top:
 * <ol>
 *   <li><b>brand ambassador</b>: level 5 or more, and has hosted 3+ meetups or organises a city, and 20+ participations;</li>
 *   <li><b>partner</b>: organises a city, or has hosted a meetup, or has volunteered 10+ hours;</li>
 *   <li><b>friend</b>: attended 3+ meetups, or reached level 3;</li>
 *   <li><b>loyal customer</b>: took part at least once (a vote, a meetup, a volunteer hour, a booth shift...) or has 100+ lifetime points;</li>
 *   <li><b>customer</b>: everyone else who has joined.</li>
 * </ol>
 * "Participations" is the sum of all activity counters. The same text is in {@code docs/rewards.md}.
 */
public enum RelationshipStage {
    CUSTOMER("customer"),
    LOYAL_CUSTOMER("loyal customer"),
    FRIEND("friend"),
    PARTNER("partner"),
    BRAND_AMBASSADOR("brand ambassador");

    private final String label;

    RelationshipStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Derives the stage from a member's level, lifetime points, activity counters and whether they organise a city. */
    public static RelationshipStage of(int level, long lifetimePoints, Map<String, Long> activity, boolean organiser) {
        long hosted = activity.getOrDefault("meetups_hosted", 0L);
        long attended = activity.getOrDefault("meetups_attended", 0L);
        long volunteerHours = activity.getOrDefault("volunteer_hours", 0L);
        long participations = activity.values().stream().mapToLong(Long::longValue).sum();
        if (level >= 5 && (hosted >= 3 || organiser) && participations >= 20) {
            return BRAND_AMBASSADOR;
        }
        if (organiser || hosted >= 1 || volunteerHours >= 10) {
            return PARTNER;
        }
        if (attended >= 3 || level >= 3) {
            return FRIEND;
        }
        if (participations >= 1 || lifetimePoints >= 100) {
            return LOYAL_CUSTOMER;
        }
        return CUSTOMER;
    }

    /** A sentence telling a member what it takes to reach the next stage. */
    public String nextStep() {
        return switch (this) {
            case CUSTOMER -> "Take part once — vote in a city round, attend a meetup or volunteer — to become a loyal customer.";
            case LOYAL_CUSTOMER -> "Attend 3 meetups or reach level 3 to become a friend.";
            case FRIEND -> "Host a meetup, volunteer 10 hours or organise a city to become a partner.";
            case PARTNER -> "Reach level 5, host 3 meetups (or organise a city) and take part 20 times to become a brand ambassador.";
            case BRAND_AMBASSADOR -> "You have reached the highest stage. Thank you!";
        };
    }
}
