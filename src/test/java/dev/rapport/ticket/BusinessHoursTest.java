package dev.rapport.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rapport.ticket.BusinessHours.Interval;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Business-time arithmetic against a reference that walks minute by minute and asks of each whether an interval of
 * the calendar holds it: random calendars in zones with DST changes (Lord Howe's of 30 minutes among them), night
 * shifts across midnight, overlapping intervals and holidays, over windows around the changes of 2027.
 */
class BusinessHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("UTC"),
            BERLIN,
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("America/Santiago"));
    private static final Instant EARLIEST = Instant.parse("2027-03-20T00:00:00Z");
    private static final long SPAN_MINUTES =
            Duration.between(EARLIEST, Instant.parse("2027-11-10T00:00:00Z")).toMinutes();

    /** A calendar as the generator made it, kept to build the reference from. */
    record Calendar(ZoneId zone, List<Interval> intervals, Set<LocalDate> holidays) {

        BusinessHours hours() {
            return new BusinessHours(zone, intervals, holidays);
        }
    }

    @Property(tries = 150)
    void betweenIsTheOpenMinutesInTheWindow(
            @ForAll("calendars") Calendar calendar, @ForAll("instants") Instant from, @ForAll("minutes") long length) {
        Instant to = from.plus(Duration.ofMinutes(length));
        Reference reference = new Reference(calendar);
        long open = 0;
        for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
            if (reference.isOpen(minute)) {
                open++;
            }
        }
        assertThat(calendar.hours().between(from, to)).isEqualTo(Duration.ofMinutes(open));
    }

    @Property(tries = 150)
    void addEndsAtTheFirstInstantByWhichThatMuchOpenTimeHasPassed(
            @ForAll("calendars") Calendar calendar, @ForAll("instants") Instant start, @ForAll("amounts") long amount) {
        Reference reference = new Reference(calendar);
        Instant minute = start;
        long counted = 0;
        // a calendar open rarely may need long: stop the walk after 40 days and expect no earlier answer
        Instant giveUp = start.plus(Duration.ofDays(40));
        while (counted < amount && minute.isBefore(giveUp)) {
            if (reference.isOpen(minute)) {
                counted++;
            }
            minute = minute.plusSeconds(60);
        }
        if (counted < amount) {
            // no answer before the walk stopped: a later one, or none within add's horizon (three years)
            Instant end;
            try {
                end = calendar.hours().add(start, Duration.ofMinutes(amount));
            } catch (IllegalArgumentException e) {
                return;
            }
            assertThat(end).isAfterOrEqualTo(giveUp);
            return;
        }
        assertThat(calendar.hours().add(start, Duration.ofMinutes(amount))).isEqualTo(minute);
    }

    @Example
    void anIntervalAcrossTheNightTheClocksGoForwardIsAnHourShorterAndTheNightTheyGoBackAnHourLonger() {
        // Berlin: 2027-03-28 02:00 becomes 03:00; 2027-10-31 03:00 becomes 02:00 (both Sundays)
        BusinessHours night = new BusinessHours(
                BERLIN, List.of(new Interval(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0))), Set.of());
        assertThat(night.between(Instant.parse("2027-03-27T12:00:00Z"), Instant.parse("2027-03-28T12:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(night.between(Instant.parse("2027-10-30T12:00:00Z"), Instant.parse("2027-10-31T12:00:00Z")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Example
    void aNightShiftRunsIntoAHolidayThatFollowsItsStart() {
        BusinessHours shift = new BusinessHours(
                BERLIN,
                List.of(new Interval(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.of(6, 0))),
                Set.of(LocalDate.parse("2027-06-05")));
        // Friday 2027-06-04 22:00 to Saturday (the holiday) 06:00, Berlin summer time
        assertThat(shift.between(Instant.parse("2027-06-04T00:00:00Z"), Instant.parse("2027-06-06T00:00:00Z")))
                .isEqualTo(Duration.ofHours(8));
        BusinessHours closed = new BusinessHours(
                BERLIN,
                List.of(new Interval(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.of(6, 0))),
                Set.of(LocalDate.parse("2027-06-04")));
        assertThat(closed.between(Instant.parse("2027-06-04T00:00:00Z"), Instant.parse("2027-06-06T00:00:00Z")))
                .isZero();
    }

    @Example
    void aDurationCarriesOverTheWeekend() {
        List<Interval> weekdays = List.of(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .stream()
                .map(day -> new Interval(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .toList();
        BusinessHours office = new BusinessHours(BERLIN, weekdays, Set.of());
        Instant fridayThree = ZonedDateTime.of(LocalDate.parse("2027-06-04"), LocalTime.of(15, 0), BERLIN)
                .toInstant();
        assertThat(office.add(fridayThree, Duration.ofHours(10)))
                .isEqualTo(ZonedDateTime.of(LocalDate.parse("2027-06-07"), LocalTime.of(17, 0), BERLIN)
                        .toInstant());
        assertThat(office.add(fridayThree, Duration.ZERO)).isEqualTo(fridayThree);
    }

    @Example
    void aCalendarThatNeverOpensHasNoEndForADuration() {
        BusinessHours never = new BusinessHours(BERLIN, List.of(), Set.of());
        assertThatThrownBy(() -> never.add(EARLIEST, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> never.add(EARLIEST, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(never.between(EARLIEST, EARLIEST.plus(Duration.ofDays(3)))).isZero();
    }

    @Provide
    Arbitrary<Calendar> calendars() {
        Arbitrary<Interval> interval = Combinators.combine(
                        Arbitraries.of(DayOfWeek.values()),
                        Arbitraries.integers().between(0, 24 * 60 - 1),
                        Arbitraries.integers().between(0, 24 * 60 - 1))
                .as((day, start, end) -> new Interval(day, time(start), time(end)));
        Arbitrary<LocalDate> holiday = Arbitraries.longs()
                .between(0, SPAN_MINUTES / (24 * 60) + 2)
                .map(days -> LocalDate.parse("2027-03-19").plusDays(days));
        return Combinators.combine(
                        Arbitraries.of(ZONES),
                        interval.list().ofMinSize(0).ofMaxSize(6),
                        holiday.set().ofMaxSize(12))
                .as(Calendar::new);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, SPAN_MINUTES).map(minutes -> EARLIEST.plusSeconds(minutes * 60));
    }

    @Provide
    Arbitrary<Long> minutes() {
        return Arbitraries.longs().between(0, 10 * 24 * 60).edgeCases(edges -> edges.includeOnly(0L, 1L));
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.longs().between(0, 3 * 24 * 60).edgeCases(edges -> edges.includeOnly(0L, 1L));
    }

    private static LocalTime time(int minuteOfDay) {
        return LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    /** Whether a minute is open: an interval that opened on its day or the day before holds it. */
    private static final class Reference {

        private final Calendar calendar;
        private final Map<LocalDate, List<Instant[]>> byDay = new HashMap<>();

        Reference(Calendar calendar) {
            this.calendar = calendar;
        }

        boolean isOpen(Instant minute) {
            LocalDate day = minute.atZone(calendar.zone()).toLocalDate();
            for (LocalDate opened : List.of(day.minusDays(1), day)) {
                for (Instant[] span : spans(opened)) {
                    if (!minute.isBefore(span[0]) && minute.isBefore(span[1])) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Each interval that opens on {@code day}, as the instants it opens and closes at. */
        private List<Instant[]> spans(LocalDate day) {
            return byDay.computeIfAbsent(
                    day,
                    d -> calendar.holidays().contains(d)
                            ? List.of()
                            : calendar.intervals().stream()
                                    .filter(interval -> interval.day() == d.getDayOfWeek())
                                    .map(interval -> new Instant[] {
                                        ZonedDateTime.of(d, interval.start(), calendar.zone())
                                                .toInstant(),
                                        ZonedDateTime.of(
                                                        interval.crossesMidnight() ? d.plusDays(1) : d,
                                                        interval.end(),
                                                        calendar.zone())
                                                .toInstant()
                                    })
                                    .toList());
        }
    }
}
