package dev.rapport.ticket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.config.RapportConfig;
import io.smallrye.mutiny.Uni;

/**
 * Keeps a ticket's SLA in step with the ticket, in the transaction of each change: the policy that applies (the
 * first whose condition matches, chosen at creation and again when a field a condition tests changes) and the
 * stored clocks the {@link SlaScheduler} announces warnings and breaches from.
 */
@ApplicationScoped
class TicketSlaWriter {

    /** The policy a ticket was held to before this change, and the one now (either may be null). */
    record Applied(UUID previous, UUID current) {

        boolean changed() {
            return !Objects.equals(previous, current);
        }
    }

    private final TicketRepository tickets;
    private final SlaPolicyRepository policies;
    private final BusinessCalendarRepository calendars;
    private final SlaScheduler scheduler;
    private final RapportConfig config;

    TicketSlaWriter(
            TicketRepository tickets,
            SlaPolicyRepository policies,
            BusinessCalendarRepository calendars,
            SlaScheduler scheduler,
            RapportConfig config) {
        this.tickets = tickets;
        this.policies = policies;
        this.calendars = calendars;
        this.scheduler = scheduler;
        this.config = config;
    }

    /**
     * Chooses the ticket's policy afresh when {@code choose}, then recomputes and stores its clocks as they stand
     * at {@code now}, and its earliest due time.
     */
    Uni<Applied> refresh(Ticket ticket, boolean choose, Instant now) {
        UUID before = ticket.slaPolicyId;
        Uni<SlaPolicy> policy = choose ? choose(ticket, now) : current(ticket);
        return policy.chain(chosen -> {
            ticket.slaPolicyId = chosen == null ? null : chosen.id;
            return write(ticket, chosen, now).replaceWith(new Applied(before, ticket.slaPolicyId));
        });
    }

    /** Closes the waiting next-reply cycle with the agent's reply at {@code repliedAt}, and stores its reading. */
    Uni<Void> answered(Ticket ticket, Instant repliedAt) {
        Instant since = ticket.awaitingReplySince.toInstant();
        return current(ticket).chain(policy -> {
            if (policy == null) {
                return Uni.createFrom().voidItem();
            }
            TicketRecords.Target targets =
                    TicketSla.targetsFor(policy.targets, ticket.priority).orElse(null);
            if (targets == null || targets.nextReply() == null) {
                return Uni.createFrom().voidItem();
            }
            return hours(policy)
                    .chain(hours -> tickets.lockClocks(ticket.id).chain(stored -> {
                        TicketSla.Clock clock = TicketSla.answered(targets, hours, since, repliedAt);
                        TicketRepository.StoredClock previous = stored.stream()
                                .filter(s -> s.metric().equals(clock.metric().column))
                                .findFirst()
                                .orElse(null);
                        boolean same = sameTarget(previous, clock);
                        return tickets.writeClock(
                                ticket,
                                clock,
                                same && previous.warnAnnounced(),
                                same && previous.breachAnnounced(),
                                repliedAt);
                    }));
        });
    }

    /** The business time from {@code from} to {@code to} by the calendar of the ticket's policy. */
    Uni<Long> businessSeconds(Ticket ticket, Instant from, Instant to) {
        return current(ticket)
                .chain(policy -> policy == null ? Uni.createFrom().nullItem() : hours(policy))
                .map(hours -> TicketSla.businessTime(hours, from, to).toSeconds());
    }

    private Uni<SlaPolicy> choose(Ticket ticket, Instant now) {
        return policies.forTicketsOf(ticket.partnerId)
                .map(candidates -> candidates.stream()
                        .filter(p -> p.condition == null
                                || TicketFields.condition(p.condition, "condition", now)
                                        .test(TicketFields.facts(ticket)))
                        .findFirst()
                        .orElse(null));
    }

    private Uni<SlaPolicy> current(Ticket ticket) {
        return ticket.slaPolicyId == null ? Uni.createFrom().nullItem() : policies.findById(ticket.slaPolicyId);
    }

    private Uni<BusinessHours> hours(SlaPolicy policy) {
        if (policy.calendarId == null) {
            return Uni.createFrom().nullItem();
        }
        return calendars.findById(policy.calendarId).map(c -> c == null ? null : TicketSla.hours(c));
    }

    private Uni<Void> write(Ticket ticket, SlaPolicy policy, Instant now) {
        TicketRecords.Target targets = policy == null
                ? null
                : TicketSla.targetsFor(policy.targets, ticket.priority).orElse(null);
        if (targets == null) {
            ticket.slaDueAt = null;
            return tickets.lockClocks(ticket.id).chain(stored -> tickets.deleteClocksExcept(ticket.id, List.of()));
        }
        return hours(policy)
                .chain(hours -> tickets.history(ticket.id)
                        .chain(history -> tickets.lockClocks(ticket.id).chain(stored -> {
                            TicketSla.Inputs inputs = new TicketSla.Inputs(
                                    ticket.createdAt.toInstant(),
                                    ticket.firstResponseAt == null ? null : ticket.firstResponseAt.toInstant(),
                                    ticket.awaitingReplySince == null ? null : ticket.awaitingReplySince.toInstant(),
                                    history);
                            List<TicketSla.Clock> clocks = TicketSla.clocks(
                                    targets,
                                    hours,
                                    inputs,
                                    now,
                                    config.tickets().warningShare());
                            Map<String, TicketRepository.StoredClock> previous = stored.stream()
                                    .collect(Collectors.toMap(
                                            TicketRepository.StoredClock::metric, Function.identity()));
                            List<String> kept = new ArrayList<>();
                            clocks.forEach(c -> kept.add(c.metric().column));
                            if (targets.nextReply() != null) {
                                kept.add(TicketSla.Metric.NEXT_REPLY.column);
                            }
                            Instant due = clocks.stream()
                                    .filter(c -> c.reading().state() == SlaClock.State.RUNNING)
                                    .map(c -> c.reading().dueAt())
                                    .min(Comparator.naturalOrder())
                                    .orElse(null);
                            ticket.slaDueAt = due == null ? null : due.atOffset(ZoneOffset.UTC);
                            if (due != null) {
                                scheduler.expect(due);
                            }
                            Uni<Void> written = tickets.deleteClocksExcept(ticket.id, kept);
                            for (TicketSla.Clock clock : clocks) {
                                TicketRepository.StoredClock old = previous.get(clock.metric().column);
                                boolean same = sameTarget(old, clock);
                                if (clock.warnAt() != null) {
                                    scheduler.expect(clock.warnAt());
                                }
                                written = written.chain(() -> tickets.writeClock(
                                        ticket,
                                        clock,
                                        same && old.warnAnnounced(),
                                        same && old.breachAnnounced(),
                                        now));
                            }
                            return written;
                        })));
    }

    /** Whether a stored clock measured the same target from the same start (its announcements still hold). */
    private static boolean sameTarget(TicketRepository.StoredClock stored, TicketSla.Clock clock) {
        return stored != null
                && stored.targetSeconds() == clock.target().toSeconds()
                && stored.startedAt().equals(clock.startedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
}
