package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** When points earned at a time expire under a program's policy; pure. */
final class LoyaltyExpiry {

    private LoyaltyExpiry() {}

    /** The instant points earned at {@code earnedAt} are gone, or null when they never expire. */
    static OffsetDateTime expiresAt(LoyaltyRecords.Expiry expiry, ZoneId zone, OffsetDateTime earnedAt) {
        return switch (expiry.policy()) {
            case LoyaltyRecords.AFTER_PERIOD ->
                earnedAt.atZoneSameInstant(zone)
                        .plus(Period.parse(expiry.period()))
                        .toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC);
            case LoyaltyRecords.END_OF_FOLLOWING_YEAR ->
                earnedAt.atZoneSameInstant(zone)
                        .toLocalDate()
                        .withDayOfYear(1)
                        .plusYears(2)
                        .atStartOfDay(zone)
                        .toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC);
            default -> null;
        };
    }
}
