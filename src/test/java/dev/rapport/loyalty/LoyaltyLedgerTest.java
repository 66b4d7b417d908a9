package dev.rapport.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The ledger's arithmetic over random postings: never negative, the balance always the sum of entries and lots. */
class LoyaltyLedgerTest {

    private static final OffsetDateTime START = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** One operation: a credit (with days until expiry, 0 for never), a debit, or a reversal of an earlier debit. */
    record Operation(String kind, long points, int days) {}

    @Property(tries = 300)
    void theBalanceIsTheSumOfTheLedgerAndOfTheLotsAndNeverNegative(
            @ForAll("operations") @Size(max = 60) List<Operation> operations) {
        Map<UUID, LoyaltyLedger.Lot> lots = new HashMap<>();
        List<Long> entries = new ArrayList<>();
        List<List<LoyaltyLedger.Take>> debits = new ArrayList<>();
        List<Long> givenBack = new ArrayList<>();
        long balance = 0;
        OffsetDateTime now = START;
        for (Operation op : operations) {
            now = now.plusDays(1);
            switch (op.kind()) {
                case "credit" -> {
                    UUID id = UUID.randomUUID();
                    lots.put(
                            id,
                            new LoyaltyLedger.Lot(
                                    id, op.points(), now, op.days() == 0 ? null : now.plusDays(op.days())));
                    entries.add(op.points());
                    balance += op.points();
                }
                case "debit" -> {
                    List<LoyaltyLedger.Take> takes =
                            LoyaltyLedger.take(List.copyOf(lots.values()), op.points(), Set.of());
                    if (op.points() > balance) {
                        assertThat(takes).isNull();
                        continue;
                    }
                    assertThat(takes).isNotNull();
                    assertFirstToExpireFirst(lots, takes);
                    for (LoyaltyLedger.Take take : takes) {
                        LoyaltyLedger.Lot lot = lots.get(take.lotId());
                        lots.put(
                                lot.id(),
                                new LoyaltyLedger.Lot(
                                        lot.id(), lot.remaining() - take.points(), lot.earnedAt(), lot.expiresAt()));
                    }
                    entries.add(-op.points());
                    balance -= op.points();
                    debits.add(takes);
                    givenBack.add(0L);
                }
                default -> {
                    if (debits.isEmpty()) {
                        continue;
                    }
                    int which = (int) (op.points() % debits.size());
                    long taken = debits.get(which).stream()
                            .mapToLong(LoyaltyLedger.Take::points)
                            .sum();
                    long left = taken - givenBack.get(which);
                    if (left == 0) {
                        continue;
                    }
                    long points = 1 + op.days() % left;
                    for (LoyaltyLedger.NewLot made :
                            LoyaltyLedger.giveBack(debits.get(which), givenBack.get(which), points)) {
                        UUID id = UUID.randomUUID();
                        lots.put(id, new LoyaltyLedger.Lot(id, made.points(), made.earnedAt(), made.expiresAt()));
                    }
                    givenBack.set(which, givenBack.get(which) + points);
                    entries.add(points);
                    balance += points;
                }
            }
            assertThat(balance).isNotNegative();
            assertThat(entries.stream().mapToLong(Long::longValue).sum()).isEqualTo(balance);
            assertThat(LoyaltyLedger.sum(List.copyOf(lots.values()))).isEqualTo(balance);
            assertThat(lots.values())
                    .allSatisfy(lot -> assertThat(lot.remaining()).isNotNegative());
        }
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> credit = Combinators.combine(
                        Arbitraries.longs().between(1, 1000),
                        Arbitraries.integers().between(0, 400))
                .as((points, days) -> new Operation("credit", points, days));
        Arbitrary<Operation> debit =
                Arbitraries.longs().between(1, 1500).map(points -> new Operation("debit", points, 0));
        Arbitrary<Operation> reverse = Combinators.combine(
                        Arbitraries.longs().between(0, 1000),
                        Arbitraries.integers().between(0, 1000))
                .as((which, points) -> new Operation("reverse", which, points));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, credit),
                        net.jqwik.api.Tuple.of(4, debit),
                        net.jqwik.api.Tuple.of(1, reverse))
                .list();
    }

    /** A debit takes from a lot only once every lot to expire before it is empty. */
    private static void assertFirstToExpireFirst(Map<UUID, LoyaltyLedger.Lot> lots, List<LoyaltyLedger.Take> takes) {
        List<LoyaltyLedger.Lot> ordered = new ArrayList<>(lots.values());
        ordered.sort(LoyaltyLedger.FIRST_TO_EXPIRE);
        Map<UUID, Long> taken = new HashMap<>();
        takes.forEach(take -> taken.put(take.lotId(), take.points()));
        boolean partial = false;
        for (LoyaltyLedger.Lot lot : ordered) {
            long took = taken.getOrDefault(lot.id(), 0L);
            if (partial) {
                assertThat(took).as("a lot after one the debit did not empty").isZero();
            }
            if (took < lot.remaining()) {
                partial = true;
            }
        }
    }

    @Test
    void aReversedCreditsOwnLotsAreTakenFirst() {
        UUID old = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();
        List<LoyaltyLedger.Lot> lots = List.of(
                new LoyaltyLedger.Lot(old, 100, START, START.plusDays(10)),
                new LoyaltyLedger.Lot(reversed, 50, START.plusDays(5), START.plusDays(400)));

        assertThat(LoyaltyLedger.take(lots, 80, Set.of(reversed)))
                .extracting(LoyaltyLedger.Take::lotId, LoyaltyLedger.Take::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(reversed, 50L),
                        org.assertj.core.groups.Tuple.tuple(old, 30L));
    }

    @Test
    void pointsExpireAPeriodAfterEarningOrAtTheEndOfTheFollowingYearInTheProgramsZone() {
        OffsetDateTime earned = OffsetDateTime.parse("2026-03-31T23:30:00Z");
        assertThat(LoyaltyExpiry.expiresAt(
                        new LoyaltyRecords.Expiry(LoyaltyRecords.AFTER_PERIOD, "P12M", 30), ZoneId.of("UTC"), earned))
                .isEqualTo(OffsetDateTime.parse("2027-03-31T23:30:00Z"));
        // in Berlin these points were earned on 1 January 2027: they last until the end of 2028, Berlin time
        assertThat(LoyaltyExpiry.expiresAt(
                        new LoyaltyRecords.Expiry(LoyaltyRecords.END_OF_FOLLOWING_YEAR, null, 30),
                        ZoneId.of("Europe/Berlin"),
                        OffsetDateTime.parse("2026-12-31T23:30:00Z")))
                .isEqualTo(OffsetDateTime.parse("2028-12-31T23:00:00Z"));
        assertThat(LoyaltyExpiry.expiresAt(
                        new LoyaltyRecords.Expiry(LoyaltyRecords.NEVER, null, 30), ZoneId.of("UTC"), earned))
                .isNull();
    }

    @Property(tries = 200)
    void everyCardNumberCarriesAValidCheckDigitThatCatchesOneWrongDigit(
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 15) int position,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 9) int shift) {
        String number = LoyaltyCards.newNumber();
        assertThat(number).hasSize(16).matches("[1-9][0-9]{15}");
        assertThat(LoyaltyCards.normalized(number)).isEqualTo(number);
        char[] digits = number.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        assertThat(LoyaltyCards.normalized(new String(digits))).isNull();
    }

    @Test
    void theCheckDigitIsLuhns() {
        // 7992739871 is the textbook Luhn example: its check digit is 3
        assertThat(LoyaltyCards.checkDigit("7992739871")).isEqualTo(3);
    }
}
