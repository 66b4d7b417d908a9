package dev.rapport.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.rapport.automation.TriggerDates.Occurrence;

/** When yearly dates come round: leap days, DST changes, offsets, and the first anniversary. */
class TriggerDatesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void aBirthdayFiresAtTheLocalTimeOfItsZone() {
        Optional<Occurrence> found = TriggerDates.between(
                LocalDate.parse("1990-12-24"),
                0,
                NINE,
                BERLIN,
                Instant.parse("2026-12-24T07:00:00Z"),
                Instant.parse("2026-12-24T09:00:00Z"));
        assertThat(found)
                .contains(new Occurrence(LocalDate.parse("2026-12-24"), Instant.parse("2026-12-24T08:00:00Z")));
        assertThat(TriggerDates.between(
                        LocalDate.parse("1990-12-24"),
                        0,
                        NINE,
                        BERLIN,
                        Instant.parse("2026-12-24T08:00:00Z"),
                        Instant.parse("2026-12-24T09:00:00Z")))
                .as("the window is open at its start: an occurrence at its start fired in the window before")
                .isEmpty();
    }

    @Test
    void aFebruary29BirthdayFallsOnFebruary28InOtherYearsAndOnItselfInLeapYears() {
        LocalDate leapDay = LocalDate.parse("2000-02-29");
        assertThat(TriggerDates.between(
                                leapDay,
                                0,
                                NINE,
                                ZoneOffset.UTC,
                                Instant.parse("2027-02-27T00:00:00Z"),
                                Instant.parse("2027-03-02T00:00:00Z"))
                        .map(Occurrence::anniversary))
                .contains(LocalDate.parse("2027-02-28"));
        assertThat(TriggerDates.between(
                                leapDay,
                                0,
                                NINE,
                                ZoneOffset.UTC,
                                Instant.parse("2028-02-27T00:00:00Z"),
                                Instant.parse("2028-03-02T00:00:00Z"))
                        .map(Occurrence::anniversary))
                .contains(LocalDate.parse("2028-02-29"));
        assertThat(TriggerDates.monthDays(
                        Instant.parse("2027-02-28T08:00:00Z"), Instant.parse("2027-02-28T09:00:00Z"), 0))
                .contains("02-28", "02-29");
    }

    @Test
    void aLocalTimeThatTheClocksSkipFiresAsMuchLaterAsTheGapIsLong() {
        // Berlin skips from 02:00 to 03:00 on 2027-03-28: 02:30 fires at 03:30 CEST, 01:30 UTC.
        Optional<Occurrence> found = TriggerDates.between(
                LocalDate.parse("1980-03-28"),
                0,
                LocalTime.of(2, 30),
                BERLIN,
                Instant.parse("2027-03-27T00:00:00Z"),
                Instant.parse("2027-03-29T00:00:00Z"));
        assertThat(found.map(Occurrence::at)).contains(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void aLocalTimeThatOccursTwiceFiresAtTheFirst() {
        // Berlin goes back from 03:00 to 02:00 on 2027-10-31: 02:30 happens at 00:30 UTC and at 01:30 UTC.
        Optional<Occurrence> found = TriggerDates.between(
                LocalDate.parse("1980-10-31"),
                0,
                LocalTime.of(2, 30),
                BERLIN,
                Instant.parse("2027-10-30T00:00:00Z"),
                Instant.parse("2027-11-01T00:00:00Z"));
        assertThat(found.map(Occurrence::at)).contains(Instant.parse("2027-10-31T00:30:00Z"));
    }

    @Test
    void anOffsetMovesTheFiringByDaysAndTheMonthDaysFollow() {
        Optional<Occurrence> weekBefore = TriggerDates.between(
                LocalDate.parse("1990-01-03"),
                -7,
                NINE,
                ZoneOffset.UTC,
                Instant.parse("2026-12-27T00:00:00Z"),
                Instant.parse("2026-12-28T00:00:00Z"));
        assertThat(weekBefore)
                .contains(new Occurrence(LocalDate.parse("2027-01-03"), Instant.parse("2026-12-27T09:00:00Z")));
        assertThat(TriggerDates.monthDays(
                        Instant.parse("2026-12-27T08:00:00Z"), Instant.parse("2026-12-27T10:00:00Z"), -7))
                .contains("01-03");
    }

    @Test
    void theDateItselfIsNoAnniversary() {
        assertThat(TriggerDates.between(
                        LocalDate.parse("2026-12-01"),
                        0,
                        NINE,
                        ZoneOffset.UTC,
                        Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2026-12-02T00:00:00Z")))
                .isEmpty();
        assertThat(TriggerDates.between(
                                LocalDate.parse("2025-12-01"),
                                0,
                                NINE,
                                ZoneOffset.UTC,
                                Instant.parse("2026-12-01T00:00:00Z"),
                                Instant.parse("2026-12-02T00:00:00Z"))
                        .map(Occurrence::anniversary))
                .contains(LocalDate.parse("2026-12-01"));
    }

    @Test
    void aCustomerWithoutAValidZoneUsesTheFallback() {
        assertThat(TriggerDates.zone("Mars/Olympus", BERLIN)).isEqualTo(BERLIN);
        assertThat(TriggerDates.zone(null, BERLIN)).isEqualTo(BERLIN);
        assertThat(TriggerDates.zone("Asia/Tokyo", BERLIN)).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }
}
