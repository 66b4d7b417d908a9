package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The arithmetic of the ledger, pure: a debit takes its points from the lots first to expire (lots that never
 * expire last, then the oldest), a credit makes lots, and a reversal of a debit gives points back with the expiries
 * they had. The balance is the sum of the lots' remaining points as long as every posting goes through here.
 */
final class LoyaltyLedger {

    /** A lot as the ledger sees it. */
    record Lot(UUID id, long remaining, OffsetDateTime earnedAt, OffsetDateTime expiresAt) {}

    /** Points a debit takes from a lot (the lot's earning and expiry times go with them). */
    record Take(UUID lotId, long points, OffsetDateTime earnedAt, OffsetDateTime expiresAt) {}

    /** A lot a credit makes. */
    record NewLot(long points, OffsetDateTime earnedAt, OffsetDateTime expiresAt) {}

    static final Comparator<Lot> FIRST_TO_EXPIRE = Comparator.comparing(
                    Lot::expiresAt, Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
            .thenComparing(Lot::earnedAt)
            .thenComparing(Lot::id);

    private static final Comparator<Take> LATEST_TO_EXPIRE = Comparator.comparing(
                    Take::expiresAt, Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()))
            .reversed();

    private LoyaltyLedger() {}

    /**
     * Takes {@code points} from {@code lots}: the lots in {@code first} before the others (a reversed credit's own
     * lots), each group first to expire first. Null when the lots hold fewer points.
     */
    static List<Take> take(List<Lot> lots, long points, Set<UUID> first) {
        if (points <= 0) {
            throw new IllegalArgumentException("a debit takes a positive number of points");
        }
        List<Lot> ordered = new ArrayList<>(lots);
        ordered.sort(
                Comparator.comparing((Lot lot) -> !first.contains(lot.id())).thenComparing(FIRST_TO_EXPIRE));
        List<Take> takes = new ArrayList<>();
        long left = points;
        for (Lot lot : ordered) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, lot.remaining());
            if (taken > 0) {
                takes.add(new Take(lot.id(), taken, lot.earnedAt(), lot.expiresAt()));
                left -= taken;
            }
        }
        return left == 0 ? takes : null;
    }

    /**
     * The lots a reversal of {@code points} of a debit makes: the debit's takes given back, latest to expire first,
     * after the {@code alreadyGiven} points earlier reversals gave back; each keeps its lot's earning and expiry times.
     */
    static List<NewLot> giveBack(List<Take> takes, long alreadyGiven, long points) {
        List<Take> ordered = new ArrayList<>(takes);
        ordered.sort(LATEST_TO_EXPIRE);
        List<NewLot> lots = new ArrayList<>();
        long skip = alreadyGiven;
        long left = points;
        for (Take take : ordered) {
            long available = take.points();
            long skipped = Math.min(skip, available);
            skip -= skipped;
            available -= skipped;
            long given = Math.min(left, available);
            if (given > 0) {
                lots.add(new NewLot(given, take.earnedAt(), take.expiresAt()));
                left -= given;
            }
        }
        if (left > 0) {
            throw new IllegalArgumentException("a reversal gives back more than the debit took");
        }
        return lots;
    }

    /** The lots a transfer makes on the receiving account: the points taken, with the expiries they had. */
    static List<NewLot> mirror(List<Take> takes) {
        return takes.stream()
                .map(take -> new NewLot(take.points(), take.earnedAt(), take.expiresAt()))
                .toList();
    }

    /** The points of {@code lots} that expire by {@code until} (inclusive). */
    static long expiringBy(List<Lot> lots, OffsetDateTime until) {
        return lots.stream()
                .filter(lot -> lot.expiresAt() != null && !lot.expiresAt().isAfter(until))
                .mapToLong(Lot::remaining)
                .sum();
    }

    static long sum(List<Lot> lots) {
        return lots.stream().mapToLong(Lot::remaining).sum();
    }
}
