package dev.rapport.automation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * When a yearly customer date comes round: the date's anniversary in a year (a February 29 falls on February 28 in
 * other years), moved by the trigger's offset in days, at its local time of day in the customer's zone. A local time
 * that a DST change skips is moved later by the length of the gap (02:30 becomes 03:30 when clocks jump from 02:00
 * to 03:00); one that occurs twice is taken at its first occurrence, so each fires once. The date itself is no
 * anniversary: a membership's first comes a year after it began.
 */
final class TriggerDates {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    /** More days than any time zone is away from UTC, around a window, when dates are picked in UTC. */
    private static final int MARGIN_DAYS = 2;

    private TriggerDates() {}

    /** An anniversary of a date, and the instant it fires at. */
    record Occurrence(LocalDate anniversary, Instant at) {}

    /** The latest occurrence of {@code date} firing after {@code from} and at or before {@code to}, if any. */
    static Optional<Occurrence> between(
            LocalDate date, int offsetDays, LocalTime time, ZoneId zone, Instant from, Instant to) {
        int firstYear = from.atZone(zone).getYear() - 2;
        int lastYear = to.atZone(zone).getYear() + 2;
        Occurrence latest = null;
        for (int year = firstYear; year <= lastYear; year++) {
            LocalDate anniversary = date.withYear(year);
            if (!anniversary.isAfter(date)) {
                continue;
            }
            Instant at = ZonedDateTime.of(anniversary.plusDays(offsetDays), time, zone)
                    .toInstant();
            if (at.isAfter(from) && !at.isAfter(to)) {
                latest = new Occurrence(anniversary, at);
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * The month-days ({@code MM-dd}) a date must have to fire in (from, to], in any time zone: what a query picks
     * candidates by. Empty when the window is so long that every day may fire.
     */
    static Set<String> monthDays(Instant from, Instant to, int offsetDays) {
        LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate().minusDays(MARGIN_DAYS);
        LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate().plusDays(MARGIN_DAYS);
        if (first.plusDays(366).isBefore(last)) {
            return Set.of();
        }
        Set<String> days = new LinkedHashSet<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate anniversary = day.minusDays(offsetDays);
            days.add(MONTH_DAY.format(anniversary));
            if (anniversary.getMonthValue() == 2 && anniversary.getDayOfMonth() == 28 && !anniversary.isLeapYear()) {
                days.add("02-29");
            }
        }
        return days;
    }

    /** The customer's zone, or {@code fallback} for none or one that is not a zone. */
    static ZoneId zone(Object timeZone, ZoneId fallback) {
        if (timeZone instanceof String id && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
