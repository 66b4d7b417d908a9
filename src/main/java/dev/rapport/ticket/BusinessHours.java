package dev.rapport.ticket;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Business-time arithmetic over a calendar: weekly opening intervals in local wall-clock time, in one IANA time
 * zone, closed on holidays. The SLA engine asks two things of it: when a business duration from an instant ends
 * ({@link #add}), and how much business time lies between two instants ({@link #between}).
 *
 * <p>An interval opens on its day at {@code start} and closes at {@code end} the same day, or the next day when
 * {@code end} is not after {@code start} (a night shift, 22:00 to 06:00; 00:00 to 00:00 is the whole day). Wall-clock
 * times become instants as {@link ZonedDateTime#of} makes them: a time the clocks skip moves later by the gap, one
 * they repeat is taken at its first occurrence; so an interval from 01:00 to 04:00 lasts two hours on the night the
 * clocks go forward and four on the night they go back. A holiday closes the intervals that open on it (a night shift
 * starting the evening before still runs into it). Overlapping intervals count once.
 */
final class BusinessHours implements WorkingTime {

    /** How far {@link #add} looks ahead for open time before it gives up on a calendar that never opens. */
    private static final int HORIZON_DAYS = 3 * 366;

    /** A weekly opening interval: a day of the week and local times. */
    record Interval(DayOfWeek day, LocalTime start, LocalTime end) {

        boolean crossesMidnight() {
            return !end.isAfter(start);
        }
    }

    /** One opening: from, until (exclusive). */
    private record Opening(Instant from, Instant until) {}

    private final ZoneId zone;
    private final List<Interval> intervals;
    private final Set<LocalDate> holidays;

    BusinessHours(ZoneId zone, List<Interval> intervals, Set<LocalDate> holidays) {
        this.zone = zone;
        this.intervals = List.copyOf(intervals);
        this.holidays = Set.copyOf(holidays);
    }

    /** The business time in [from, to); zero when to is not after from. */
    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration open = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (Opening opening : openings(from.atZone(zone).toLocalDate().minusDays(1), last)) {
            Instant start = opening.from().isBefore(from) ? from : opening.from();
            Instant end = opening.until().isAfter(to) ? to : opening.until();
            if (end.isAfter(start)) {
                open = open.plus(Duration.between(start, end));
            }
        }
        return open;
    }

    /**
     * The earliest instant by which {@code amount} of business time has passed since {@code start}: {@code start}
     * itself for zero.
     *
     * @throws IllegalArgumentException for a negative amount, or a calendar without that much open time in the
     *     next three years
     */
    @Override
    public Instant add(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A business duration is not negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration left = amount;
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        LocalDate horizon = day.plusDays(HORIZON_DAYS);
        Instant reached = start;
        while (day.isBefore(horizon)) {
            // a week at a time: openings of later days may overlap those of earlier ones only across one midnight
            LocalDate until = day.plusDays(6);
            for (Opening opening : openings(day, until)) {
                Instant from = opening.from().isBefore(reached) ? reached : opening.from();
                if (!opening.until().isAfter(from)) {
                    continue;
                }
                Duration here = Duration.between(from, opening.until());
                if (here.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(here);
                reached = opening.until();
            }
            day = until.plusDays(1);
            // openings of the next week that start before the last one counted ended are clipped by reached
        }
        throw new IllegalArgumentException(
                "The calendar has less than " + amount + " of open time in " + HORIZON_DAYS + " days");
    }

    /** The openings of intervals that open on the days first to last, in order, overlaps merged. */
    private List<Opening> openings(LocalDate first, LocalDate last) {
        List<Opening> all = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (Interval interval : intervals) {
                if (interval.day() != day.getDayOfWeek()) {
                    continue;
                }
                Instant from = ZonedDateTime.of(day, interval.start(), zone).toInstant();
                LocalDate endDay = interval.crossesMidnight() ? day.plusDays(1) : day;
                Instant until = ZonedDateTime.of(endDay, interval.end(), zone).toInstant();
                if (until.isAfter(from)) {
                    all.add(new Opening(from, until));
                }
            }
        }
        all.sort(Comparator.comparing(Opening::from));
        List<Opening> merged = new ArrayList<>();
        for (Opening opening : all) {
            Opening previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !opening.from().isAfter(previous.until())) {
                if (opening.until().isAfter(previous.until())) {
                    merged.set(merged.size() - 1, new Opening(previous.from(), opening.until()));
                }
            } else {
                merged.add(opening);
            }
        }
        return merged;
    }
}
