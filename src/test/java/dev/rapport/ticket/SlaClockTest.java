package dev.rapport.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rapport.ticket.SlaClock.Change;
import dev.rapport.ticket.SlaClock.Reading;
import dev.rapport.ticket.SlaClock.State;

/** A ticket's clocks: running, paused while it waits on someone else, resumed, achieved or breached, and when. */
class SlaClockTest {

    private static final Instant MONDAY_NINE = Instant.parse("2027-06-07T09:00:00Z");
    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    @Test
    void theFirstResponseRunsUntilTheFirstReplyAndIsBreachedTheMomentItIsLate() {
        Reading running =
                SlaClock.firstResponse(MONDAY_NINE, null, FOUR_HOURS, WorkingTime.CALENDAR, at("2027-06-07T12:00:00Z"));
        assertThat(running.state()).isEqualTo(State.RUNNING);
        assertThat(running.elapsed()).isEqualTo(Duration.ofHours(3));
        assertThat(running.dueAt()).isEqualTo(at("2027-06-07T13:00:00Z"));

        Reading late =
                SlaClock.firstResponse(MONDAY_NINE, null, FOUR_HOURS, WorkingTime.CALENDAR, at("2027-06-07T13:00:01Z"));
        assertThat(late.state()).isEqualTo(State.BREACHED);
        assertThat(late.breachedAt()).isEqualTo(at("2027-06-07T13:00:00Z"));

        Reading justInTime = SlaClock.firstResponse(
                MONDAY_NINE, at("2027-06-07T13:00:00Z"), FOUR_HOURS, WorkingTime.CALENDAR, at("2027-06-08T00:00:00Z"));
        assertThat(justInTime.state()).isEqualTo(State.ACHIEVED);
        assertThat(justInTime.stoppedAt()).isEqualTo(at("2027-06-07T13:00:00Z"));
        assertThat(justInTime.dueAt()).isNull();
    }

    @Test
    void resolutionPausesWhileTheTicketWaitsAndResumesWhereItStopped() {
        List<Change> history = List.of(
                new Change(MONDAY_NINE, TicketStatus.NEW),
                new Change(at("2027-06-07T10:00:00Z"), TicketStatus.OPEN),
                new Change(at("2027-06-07T11:00:00Z"), TicketStatus.PENDING),
                new Change(at("2027-06-07T15:00:00Z"), TicketStatus.OPEN));
        Reading paused = SlaClock.resolution(history, FOUR_HOURS, WorkingTime.CALENDAR, at("2027-06-07T14:00:00Z"));
        assertThat(paused.state()).isEqualTo(State.PAUSED);
        assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(paused.dueAt()).isNull();

        Reading resumed = SlaClock.resolution(history, FOUR_HOURS, WorkingTime.CALENDAR, at("2027-06-07T16:00:00Z"));
        assertThat(resumed.state()).isEqualTo(State.RUNNING);
        assertThat(resumed.elapsed()).isEqualTo(Duration.ofHours(3));
        assertThat(resumed.dueAt())
                .as("two hours counted before the pause, two left from 15:00")
                .isEqualTo(at("2027-06-07T17:00:00Z"));

        Reading breached = SlaClock.resolution(history, FOUR_HOURS, WorkingTime.CALENDAR, at("2027-06-07T18:00:00Z"));
        assertThat(breached.state()).isEqualTo(State.BREACHED);
        assertThat(breached.breachedAt()).isEqualTo(at("2027-06-07T17:00:00Z"));
    }

    @Test
    void aSolvedTicketStopsItsClockAndAReopenedOneGoesOnFromThere() {
        List<Change> solved = List.of(
                new Change(MONDAY_NINE, TicketStatus.OPEN),
                new Change(at("2027-06-07T12:00:00Z"), TicketStatus.SOLVED));
        Reading achieved = SlaClock.resolution(solved, FOUR_HOURS, WorkingTime.CALENDAR, at("2027-06-09T00:00:00Z"));
        assertThat(achieved.state()).isEqualTo(State.ACHIEVED);
        assertThat(achieved.elapsed()).isEqualTo(Duration.ofHours(3));
        assertThat(achieved.stoppedAt()).isEqualTo(at("2027-06-07T12:00:00Z"));

        List<Change> reopened = List.of(
                new Change(MONDAY_NINE, TicketStatus.OPEN),
                new Change(at("2027-06-07T12:00:00Z"), TicketStatus.SOLVED),
                new Change(at("2027-06-08T09:00:00Z"), TicketStatus.OPEN),
                new Change(at("2027-06-08T11:00:00Z"), TicketStatus.SOLVED),
                new Change(at("2027-06-12T11:00:00Z"), TicketStatus.CLOSED));
        Reading late = SlaClock.resolution(reopened, FOUR_HOURS, WorkingTime.CALENDAR, at("2027-06-20T00:00:00Z"));
        assertThat(late.state()).isEqualTo(State.BREACHED);
        assertThat(late.elapsed()).isEqualTo(Duration.ofHours(5));
        assertThat(late.breachedAt()).as("one hour left after the reopening").isEqualTo(at("2027-06-08T10:00:00Z"));
        assertThat(late.stoppedAt()).as("solved the second time").isEqualTo(at("2027-06-08T11:00:00Z"));
    }

    @Test
    void inBusinessTimeAFridayAfternoonTicketIsDueOnMonday() {
        BusinessHours office = new BusinessHours(
                ZoneOffset.UTC,
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                        .stream()
                        .map(day -> new BusinessHours.Interval(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                        .toList(),
                Set.of());
        Instant fridayFour = at("2027-06-11T16:00:00Z");
        Reading reading = SlaClock.resolution(
                List.of(new Change(fridayFour, TicketStatus.NEW)), FOUR_HOURS, office, at("2027-06-12T12:00:00Z"));
        assertThat(reading.state()).isEqualTo(State.RUNNING);
        assertThat(reading.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(reading.dueAt()).isEqualTo(at("2027-06-14T12:00:00Z"));
    }

    @Test
    void changesAfterTheReadingAreNotYet() {
        List<Change> history = List.of(
                new Change(MONDAY_NINE, TicketStatus.OPEN),
                new Change(at("2027-06-07T12:00:00Z"), TicketStatus.SOLVED));
        Reading before = SlaClock.resolution(history, FOUR_HOURS, WorkingTime.CALENDAR, at("2027-06-07T11:00:00Z"));
        assertThat(before.state()).isEqualTo(State.RUNNING);
        assertThat(before.elapsed()).isEqualTo(Duration.ofHours(2));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
