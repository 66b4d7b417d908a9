package dev.rapport.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How a ticket stands against one SLA target, read at an instant: the time counted so far, when it falls due, and
 * whether the target is running, paused, achieved or breached. Time is counted by a {@link WorkingTime} (business
 * hours, or calendar time). A target is breached the moment more time than it allows has been counted; reaching it
 * exactly is still in time.
 *
 * <p>The first response counts from the ticket's creation to the first public reply of an agent, without pauses.
 * Resolution counts while the ticket is {@code new} or {@code open}: it pauses while the ticket waits on someone else
 * ({@code pending}, {@code on_hold}), stops when it is solved, and goes on from where it stopped when a solved ticket
 * is reopened.
 */
final class SlaClock {

    enum State {
        RUNNING,
        PAUSED,
        ACHIEVED,
        BREACHED
    }

    /** A status the ticket took, and when; its history starts with the status it was created in. */
    record Change(Instant at, TicketStatus status) {}

    /**
     * @param elapsed the counted time, up to the reading (or to when the target stopped)
     * @param dueAt when the target falls (or fell) due: null while paused, and once achieved
     * @param breachedAt when more than the target had been counted, or null
     * @param stoppedAt when the target stopped counting for good (the reply, the solution), or null
     */
    record Reading(
            Duration target, Duration elapsed, State state, Instant dueAt, Instant breachedAt, Instant stoppedAt) {}

    private SlaClock() {}

    /** The first response: from {@code createdAt} to {@code repliedAt} (null while there is no reply). */
    static Reading firstResponse(Instant createdAt, Instant repliedAt, Duration target, WorkingTime time, Instant now) {
        Instant due = time.add(createdAt, target);
        Instant end = repliedAt != null && repliedAt.isBefore(now) ? repliedAt : now;
        Duration elapsed = time.between(createdAt, end);
        Instant breachedAt = end.isAfter(due) && elapsed.compareTo(target) > 0 ? due : null;
        if (repliedAt != null && !repliedAt.isAfter(now)) {
            return breachedAt == null
                    ? new Reading(target, elapsed, State.ACHIEVED, null, null, repliedAt)
                    : new Reading(target, elapsed, State.BREACHED, due, breachedAt, repliedAt);
        }
        return new Reading(target, elapsed, breachedAt == null ? State.RUNNING : State.BREACHED, due, breachedAt, null);
    }

    /** Resolution, from the ticket's status history (in any order; changes after {@code now} are not yet). */
    static Reading resolution(List<Change> history, Duration target, WorkingTime time, Instant now) {
        List<Change> changes = history.stream()
                .filter(change -> !change.at().isAfter(now))
                .sorted(Comparator.comparing(Change::at))
                .toList();
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("A ticket's history starts with its creation");
        }
        Duration elapsed = Duration.ZERO;
        Instant breachedAt = null;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (!change.status().resolutionClockRuns()) {
                continue;
            }
            Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : now;
            Duration here = time.between(change.at(), end);
            if (breachedAt == null && elapsed.plus(here).compareTo(target) > 0) {
                breachedAt = time.add(change.at(), target.minus(elapsed));
            }
            elapsed = elapsed.plus(here);
        }
        Change last = changes.get(changes.size() - 1);
        TicketStatus current = last.status();
        if (current == TicketStatus.SOLVED || current == TicketStatus.CLOSED) {
            Instant solvedAt = solvedAt(changes);
            return breachedAt == null
                    ? new Reading(target, elapsed, State.ACHIEVED, null, null, solvedAt)
                    : new Reading(target, elapsed, State.BREACHED, breachedAt, breachedAt, solvedAt);
        }
        if (breachedAt != null) {
            return new Reading(target, elapsed, State.BREACHED, breachedAt, breachedAt, null);
        }
        if (!current.resolutionClockRuns()) {
            return new Reading(target, elapsed, State.PAUSED, null, null, null);
        }
        Duration before = elapsed.minus(time.between(last.at(), now));
        return new Reading(target, elapsed, State.RUNNING, time.add(last.at(), target.minus(before)), null, null);
    }

    /** When the ticket was last solved: the first solved of the last run of solved and closed statuses. */
    private static Instant solvedAt(List<Change> changes) {
        Instant solved = null;
        for (Change change : changes) {
            if (change.status() == TicketStatus.SOLVED && solved == null) {
                solved = change.at();
            } else if (change.status() != TicketStatus.SOLVED && change.status() != TicketStatus.CLOSED) {
                solved = null;
            }
        }
        return solved;
    }
}
