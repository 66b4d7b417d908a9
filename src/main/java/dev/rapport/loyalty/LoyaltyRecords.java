package dev.rapport.loyalty;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the JSONB columns of loyalty programs hold: records of the domain, not the API's shapes. */
public final class LoyaltyRecords {

    /** Tier qualification counts points earned, or spend in the program's currency. */
    public static final String POINTS = "points";

    public static final String SPEND = "spend";

    /** Expiry policies: points never expire, expire a period after they were earned, or at the end of the next year. */
    public static final String NEVER = "never";

    public static final String AFTER_PERIOD = "after_period";
    public static final String END_OF_FOLLOWING_YEAR = "end_of_following_year";

    private LoyaltyRecords() {}

    /** A tier: its key (what an account's tier names), a name to show, and what qualifies for it. */
    @RegisterForReflection
    public record Tier(String key, String name, long threshold) {}

    /** The tiers by ascending threshold; lists are wrapped in an object, the driver binds JSON objects. */
    @RegisterForReflection
    public record Tiers(List<Tier> items) {

        public static final Tiers NONE = new Tiers(List.of());

        public Tiers {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** What tiers count ({@link #POINTS} or {@link #SPEND}) over a rolling period (ISO 8601, {@code P12M}). */
    @RegisterForReflection
    public record Qualification(String basis, String period) {}

    /** When points expire, and how many days ahead {@code loyalty.points_expiring} tells. */
    @RegisterForReflection
    public record Expiry(String policy, String period, int noticeDays) {}

    /** When an earning rule applies; every condition given must hold. */
    @RegisterForReflection
    public record Conditions(
            List<String> channels,
            List<String> categories,
            List<String> tiers,
            java.util.UUID segmentId,
            String attributeKey,
            String attributeValue,
            Boolean firstPurchase,
            Boolean birthdayMonth) {

        public static final Conditions NONE = new Conditions(null, null, null, null, null, null, null, null);
    }

    /** One earning rule's part of what a purchase earned. */
    @RegisterForReflection
    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            name = "LoyaltyRuleContribution",
            description = "One earning rule's part of what a purchase earned")
    public record Contribution(java.util.UUID ruleId, String name, long points) {}

    @RegisterForReflection
    public record Contributions(List<Contribution> items) {

        public Contributions {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
