package dev.rapport.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.security.Caller;
import dev.rapport.ticket.api.SlaClockView;
import dev.rapport.ticket.api.TicketSlaView;
import io.smallrye.mutiny.Uni;

/** A ticket's SLA read now: the policy it is held to, and its clocks with the time counted so far. */
@ApplicationScoped
public class TicketSlaService {

    private final SlaQueries queries;
    private final TicketMapper mapper;
    private final Caller caller;
    private final Clock clock;
    private final RapportConfig config;

    TicketSlaService(SlaQueries queries, TicketMapper mapper, Caller caller, Clock clock, RapportConfig config) {
        this.queries = queries;
        this.mapper = mapper;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
    }

    /** The ticket's clocks read now: the policy's targets for its priority, with the time counted so far. */
    public Uni<TicketSlaView> ticketSla(UUID ticketId) {
        Instant now = clock.instant();
        return queries.ticketState(ticketId, caller.partnerScope())
                .map(state -> found(state, "ticket", ticketId))
                .chain(state -> queries.policyOf(state.policyId()).chain(policy -> {
                    if (policy == null) {
                        return Uni.createFrom().item(new TicketSlaView(ticketId, null, null, List.of()));
                    }
                    TicketRecords.Targets stored = mapper.targets(policy.targets());
                    TicketRecords.Target targets =
                            TicketSla.targetsFor(stored, state.priority()).orElse(null);
                    if (targets == null) {
                        return Uni.createFrom()
                                .item(new TicketSlaView(ticketId, policy.id(), policy.name(), List.of()));
                    }
                    return queries.hours(policy.calendarId())
                            .chain(hours -> queries.history(ticketId)
                                    .chain(history -> queries.storedReply(ticketId)
                                            .map(reply -> {
                                                List<SlaClockView> clocks = new ArrayList<>();
                                                TicketSla.Inputs inputs = new TicketSla.Inputs(
                                                        state.createdAt(),
                                                        state.firstResponseAt(),
                                                        state.awaitingReplySince(),
                                                        history);
                                                for (TicketSla.Clock c : TicketSla.clocks(
                                                        targets,
                                                        hours,
                                                        inputs,
                                                        now,
                                                        config.tickets().warningShare())) {
                                                    clocks.add(view(c));
                                                }
                                                boolean live = clocks.stream()
                                                        .anyMatch(c ->
                                                                c.metric().equals(TicketSla.Metric.NEXT_REPLY.wire));
                                                if (!live && reply != null && targets.nextReply() != null) {
                                                    clocks.add(view(reply));
                                                }
                                                clocks.sort(java.util.Comparator.comparing(
                                                        c -> List.of("firstResponse", "nextReply", "resolution")
                                                                .indexOf(c.metric())));
                                                return new TicketSlaView(ticketId, policy.id(), policy.name(), clocks);
                                            })));
                }));
    }

    private static SlaClockView view(TicketSla.Clock clock) {
        SlaClock.Reading r = clock.reading();
        return new SlaClockView(
                clock.metric().wire,
                clock.target().toString(),
                clock.businessHours(),
                Duration.ofSeconds(r.elapsed().toSeconds()).toString(),
                r.elapsed().toSeconds(),
                r.state().name().toLowerCase(Locale.ROOT),
                time(clock.startedAt()),
                time(r.dueAt()),
                time(r.breachedAt()),
                time(r.stoppedAt()));
    }

    private static SlaClockView view(SlaQueries.StoredReply reply) {
        return new SlaClockView(
                TicketSla.Metric.NEXT_REPLY.wire,
                Duration.ofSeconds(reply.targetSeconds()).toString(),
                reply.businessHours(),
                Duration.ofSeconds(reply.elapsedSeconds()).toString(),
                reply.elapsedSeconds(),
                reply.state(),
                time(reply.startedAt()),
                time(reply.dueAt()),
                time(reply.breachedAt()),
                time(reply.stoppedAt()));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static <T> T found(T value, String resource, UUID id) {
        if (value == null) {
            throw DomainException.notFound(resource, id);
        }
        return value;
    }
}
