package dev.rapport.ticket;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SLA rules of one ticket, pure: which targets of its policy apply to it, and how each of its clocks stands.
 * {@link TicketSlaWriter} loads what they need and stores what they answer in the ticket's transaction.
 */
final class TicketSla {

    /** The metrics a policy sets targets for, as the API names them and as the database stores them. */
    enum Metric {
        FIRST_RESPONSE("firstResponse", "first_response"),
        NEXT_REPLY("nextReply", "next_reply"),
        RESOLUTION("resolution", "resolution");

        final String wire;
        final String column;

        Metric(String wire, String column) {
            this.wire = wire;
            this.column = column;
        }
    }

    /** One clock as read now: its target, how time counts, when it started, and the reading. */
    record Clock(
            Metric metric,
            Duration target,
            boolean businessHours,
            Instant startedAt,
            SlaClock.Reading reading,
            Instant warnAt) {

        /** When the target was decided: its breach, or once achieved when it stopped; null while undecided. */
        Instant decidedAt() {
            return switch (reading.state()) {
                case BREACHED -> reading.breachedAt();
                case ACHIEVED -> reading.stoppedAt();
                default -> null;
            };
        }

        /** When a breach is to be announced: the due time while running, the breach once breached. */
        Instant breachAt() {
            return switch (reading.state()) {
                case RUNNING -> reading.dueAt();
                case BREACHED -> reading.breachedAt();
                default -> null;
            };
        }
    }

    /** What the clocks of a ticket are read from. */
    record Inputs(
            Instant createdAt, Instant firstResponseAt, Instant awaitingReplySince, List<SlaClock.Change> history) {}

    private TicketSla() {}

    /** The targets a policy sets for a priority, if it sets any. */
    static Optional<TicketRecords.Target> targetsFor(TicketRecords.Targets targets, String priority) {
        return targets.items().stream()
                .filter(t -> t.priority().equals(priority))
                .findFirst();
    }

    /**
     * The ticket's clocks now, for the targets set for its priority. The next-reply clock runs only while a public
     * requester message after the first response waits for an agent's reply; without one it is absent here (its
     * last reading, stored when the reply came, stays as it was).
     *
     * @param hours the policy's business hours, or null (calendar time only)
     * @param warningShare the share of a target after which the warning is due
     */
    static List<Clock> clocks(
            TicketRecords.Target targets, BusinessHours hours, Inputs inputs, Instant now, double warningShare) {
        boolean business = hours != null && !Boolean.FALSE.equals(targets.businessHours());
        WorkingTime time = business ? hours : WorkingTime.CALENDAR;
        List<Clock> clocks = new ArrayList<>();
        if (targets.firstResponse() != null) {
            Duration target = Duration.parse(targets.firstResponse());
            SlaClock.Reading reading =
                    SlaClock.firstResponse(inputs.createdAt(), inputs.firstResponseAt(), target, time, now);
            clocks.add(clock(
                    Metric.FIRST_RESPONSE, target, business, inputs.createdAt(), reading, time, now, warningShare));
        }
        if (targets.nextReply() != null && inputs.firstResponseAt() != null && inputs.awaitingReplySince() != null) {
            Duration target = Duration.parse(targets.nextReply());
            SlaClock.Reading reading = SlaClock.firstResponse(inputs.awaitingReplySince(), null, target, time, now);
            clocks.add(clock(
                    Metric.NEXT_REPLY,
                    target,
                    business,
                    inputs.awaitingReplySince(),
                    reading,
                    time,
                    now,
                    warningShare));
        }
        if (targets.resolution() != null) {
            Duration target = Duration.parse(targets.resolution());
            SlaClock.Reading reading = SlaClock.resolution(inputs.history(), target, time, now);
            clocks.add(
                    clock(Metric.RESOLUTION, target, business, inputs.createdAt(), reading, time, now, warningShare));
        }
        return clocks;
    }

    /** The next-reply clock of a cycle that ended with the agent's reply at {@code repliedAt}. */
    static Clock answered(TicketRecords.Target targets, BusinessHours hours, Instant since, Instant repliedAt) {
        boolean business = hours != null && !Boolean.FALSE.equals(targets.businessHours());
        WorkingTime time = business ? hours : WorkingTime.CALENDAR;
        Duration target = Duration.parse(targets.nextReply());
        SlaClock.Reading reading = SlaClock.firstResponse(since, repliedAt, target, time, repliedAt);
        return new Clock(Metric.NEXT_REPLY, target, business, since, reading, null);
    }

    /** The business time between two instants by {@code hours}, or calendar time without them. */
    static Duration businessTime(BusinessHours hours, Instant from, Instant to) {
        return (hours == null ? WorkingTime.CALENDAR : hours).between(from, to);
    }

    /** A calendar's business hours; a stored calendar was validated when it was saved. */
    static BusinessHours hours(BusinessCalendar calendar) {
        List<BusinessHours.Interval> intervals = calendar.intervals.items().stream()
                .map(o -> new BusinessHours.Interval(
                        DayOfWeek.valueOf(o.day().toUpperCase(Locale.ROOT)),
                        LocalTime.parse(o.start()),
                        LocalTime.parse(o.end())))
                .toList();
        return new BusinessHours(
                ZoneId.of(calendar.timeZone), intervals, new HashSet<>(Arrays.asList(calendar.holidays)));
    }

    /** Stored holidays, for {@link #hours}. */
    static LocalDate[] holidays(List<LocalDate> holidays) {
        return holidays == null
                ? new LocalDate[0]
                : holidays.stream().distinct().sorted().toArray(LocalDate[]::new);
    }

    private static Clock clock(
            Metric metric,
            Duration target,
            boolean business,
            Instant startedAt,
            SlaClock.Reading reading,
            WorkingTime time,
            Instant now,
            double warningShare) {
        Instant warnAt = null;
        if (reading.state() == SlaClock.State.RUNNING) {
            Duration warning = Duration.ofMillis(Math.round(target.toMillis() * warningShare));
            warnAt = reading.elapsed().compareTo(warning) >= 0 ? now : time.add(now, warning.minus(reading.elapsed()));
        }
        return new Clock(metric, target, business, startedAt, reading, warnAt);
    }
}
