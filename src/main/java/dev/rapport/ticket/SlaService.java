package dev.rapport.ticket;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.event.EventLog;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.ticket.api.BusinessCalendarView;
import dev.rapport.ticket.api.CreateBusinessCalendarRequest;
import dev.rapport.ticket.api.CreateSlaPolicyRequest;
import dev.rapport.ticket.api.SlaClockView;
import dev.rapport.ticket.api.SlaPolicyView;
import dev.rapport.ticket.api.SlaTargets;
import dev.rapport.ticket.api.TicketSlaView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Business calendars and SLA policies (definitions checked as a whole: valid zones, durations, conditions and one
 * entry per priority), and a ticket's SLA read now. A partner manages and sees its own; its tickets are held to its
 * policies and the in-house ones.
 */
@ApplicationScoped
public class SlaService {

    /** Calendars oldest first; policies in the order they are tried. */
    static final Sort CALENDARS = SlaQueries.CALENDARS;

    static final Sort POLICIES = SlaQueries.POLICIES;

    /** The longest target a policy may set. */
    private static final Duration MAX_TARGET = Duration.ofDays(366);

    private final BusinessCalendarRepository calendars;
    private final SlaPolicyRepository policies;
    private final SlaQueries queries;
    private final TicketMapper mapper;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;
    private final RapportConfig config;

    SlaService(
            BusinessCalendarRepository calendars,
            SlaPolicyRepository policies,
            SlaQueries queries,
            TicketMapper mapper,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock,
            RapportConfig config) {
        this.calendars = calendars;
        this.policies = policies;
        this.queries = queries;
        this.mapper = mapper;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
    }

    // Business calendars

    @WithTransaction
    public Uni<BusinessCalendarView> createCalendar(CreateBusinessCalendarRequest request) {
        patches.validate(request);
        check(request);
        OffsetDateTime now = Clocks.now(clock);
        BusinessCalendar calendar = new BusinessCalendar();
        calendar.id = Ids.newId();
        calendar.partnerId = caller.partnerScope();
        calendar.createdAt = now;
        calendar.updatedAt = now;
        apply(request, calendar);
        return calendars.persist(calendar).chain(() -> {
            BusinessCalendarView view = mapper.toView(calendar);
            return events.append(SlaEvent.CALENDAR_CREATED, SlaEvent.CALENDAR, calendar.id, calendar.partnerId, view)
                    .replaceWith(view);
        });
    }

    public Uni<BusinessCalendarView> calendar(UUID id) {
        return queries.calendar(id, caller.partnerScope()).map(view -> found(view, "business calendar", id));
    }

    public Uni<Page<BusinessCalendarView>> calendars(PageRequest page) {
        return queries.calendars(caller.partnerScope(), page);
    }

    @WithTransaction
    public Uni<BusinessCalendarView> updateCalendar(UUID id, JsonNode patch, String ifMatch) {
        return calendars
                .findVisible(id, caller.partnerScope())
                .map(calendar -> found(calendar, "business calendar", id))
                .chain(calendar -> {
                    ETags.checkIfMatch(ifMatch, calendar.version);
                    MergePatches.Patched<CreateBusinessCalendarRequest> patched =
                            patches.apply(mapper.toRequest(calendar), patch);
                    if (!patched.changed()) {
                        return Uni.createFrom().item(mapper.toView(calendar));
                    }
                    check(patched.value());
                    apply(patched.value(), calendar);
                    calendar.updatedAt = Clocks.now(clock);
                    return calendars.flush().chain(() -> {
                        BusinessCalendarView view = mapper.toView(calendar);
                        return events.append(
                                        SlaEvent.CALENDAR_UPDATED,
                                        SlaEvent.CALENDAR,
                                        id,
                                        calendar.partnerId,
                                        new SlaEvent.Updated(id, patched.changedFields(), view))
                                .replaceWith(view);
                    });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** Deletes a calendar no policy counts by. */
    @WithTransaction
    public Uni<Void> deleteCalendar(UUID id, String ifMatch) {
        return calendars
                .findVisible(id, caller.partnerScope())
                .map(calendar -> found(calendar, "business calendar", id))
                .chain(calendar -> {
                    ETags.checkIfMatch(ifMatch, calendar.version);
                    return policies.usesCalendar(id).chain(used -> {
                        if (used) {
                            throw DomainException.conflict(
                                    "An SLA policy counts business time by this calendar; change or delete the policy first");
                        }
                        return calendars
                                .delete(calendar)
                                .chain(() -> events.append(
                                        SlaEvent.CALENDAR_DELETED,
                                        SlaEvent.CALENDAR,
                                        id,
                                        calendar.partnerId,
                                        new SlaEvent.Deleted(id, calendar.name)))
                                .replaceWithVoid();
                    });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    // SLA policies

    @WithTransaction
    public Uni<SlaPolicyView> createPolicy(CreateSlaPolicyRequest request) {
        patches.validate(request);
        OffsetDateTime now = Clocks.now(clock);
        SlaPolicy policy = new SlaPolicy();
        policy.id = Ids.newId();
        policy.partnerId = caller.partnerScope();
        policy.createdAt = now;
        policy.updatedAt = now;
        return check(request, now)
                .chain(() -> {
                    apply(request, policy);
                    return policies.persist(policy);
                })
                .chain(() -> {
                    SlaPolicyView view = mapper.toView(policy);
                    return events.append(SlaEvent.POLICY_CREATED, SlaEvent.POLICY, policy.id, policy.partnerId, view)
                            .replaceWith(view);
                });
    }

    public Uni<SlaPolicyView> policy(UUID id) {
        return queries.policy(id, caller.partnerScope()).map(view -> found(view, "SLA policy", id));
    }

    public Uni<Page<SlaPolicyView>> policies(PageRequest page) {
        return queries.policies(caller.partnerScope(), page);
    }

    /**
     * Changes a policy. Tickets already held to it follow its new targets at their next change; which policy a
     * ticket is held to is chosen again when a field a condition tests changes.
     */
    @WithTransaction
    public Uni<SlaPolicyView> updatePolicy(UUID id, JsonNode patch, String ifMatch) {
        return policies.findVisible(id, caller.partnerScope())
                .map(policy -> found(policy, "SLA policy", id))
                .chain(policy -> {
                    ETags.checkIfMatch(ifMatch, policy.version);
                    MergePatches.Patched<CreateSlaPolicyRequest> patched =
                            patches.apply(mapper.toRequest(policy), patch);
                    if (!patched.changed()) {
                        return Uni.createFrom().item(mapper.toView(policy));
                    }
                    OffsetDateTime now = Clocks.now(clock);
                    return check(patched.value(), now)
                            .chain(() -> {
                                apply(patched.value(), policy);
                                policy.updatedAt = now;
                                return policies.flush();
                            })
                            .chain(() -> {
                                SlaPolicyView view = mapper.toView(policy);
                                return events.append(
                                                SlaEvent.POLICY_UPDATED,
                                                SlaEvent.POLICY,
                                                id,
                                                policy.partnerId,
                                                new SlaEvent.Updated(id, patched.changedFields(), view))
                                        .replaceWith(view);
                            });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** Deletes a policy no ticket is held to. */
    @WithTransaction
    public Uni<Void> deletePolicy(UUID id, String ifMatch) {
        return policies.findVisible(id, caller.partnerScope())
                .map(policy -> found(policy, "SLA policy", id))
                .chain(policy -> {
                    ETags.checkIfMatch(ifMatch, policy.version);
                    return policies.ticketsHeldTo(id)
                            .chain(held -> {
                                if (held > 0) {
                                    throw DomainException.conflict(held + " tickets are held to this policy; change its"
                                            + " condition so that it matches no new ticket instead");
                                }
                                return policies.delete(policy);
                            })
                            .chain(() -> events.append(
                                    SlaEvent.POLICY_DELETED,
                                    SlaEvent.POLICY,
                                    id,
                                    policy.partnerId,
                                    new SlaEvent.Deleted(id, policy.name)))
                            .replaceWithVoid();
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    // A ticket's SLA

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

    private static void check(CreateBusinessCalendarRequest request) {
        List<FieldError> errors = new ArrayList<>();
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/London"));
        }
        if (request.holidays() != null && request.holidays().contains(null)) {
            errors.add(new FieldError("holidays", "must not hold null"));
        }
        failIfAny(errors);
    }

    private void apply(CreateBusinessCalendarRequest request, BusinessCalendar calendar) {
        calendar.name = request.name().trim();
        calendar.timeZone = request.timeZone();
        calendar.intervals = mapper.openings(request.intervals());
        calendar.holidays = TicketSla.holidays(request.holidays());
    }

    /** A policy's targets, condition and calendar checked; the calendar must be one the caller may use. */
    private Uni<Void> check(CreateSlaPolicyRequest request, OffsetDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        if (request.condition() != null && !request.condition().isBlank()) {
            try {
                TicketFields.condition(request.condition(), "condition", now.toInstant());
            } catch (DomainException e) {
                errors.addAll(e.errors().isEmpty() ? List.of(new FieldError("condition", e.getMessage())) : e.errors());
            }
        }
        Set<String> priorities = new HashSet<>();
        for (int i = 0; i < request.targets().size(); i++) {
            SlaTargets targets = request.targets().get(i);
            String at = "targets[" + i + "]";
            if (!priorities.add(targets.priority())) {
                errors.add(new FieldError(
                        at + ".priority", "another entry already sets targets for " + targets.priority()));
            }
            if (targets.firstResponse() == null && targets.nextReply() == null && targets.resolution() == null) {
                errors.add(new FieldError(at, "set at least one of firstResponse, nextReply and resolution"));
            }
            duration(at + ".firstResponse", targets.firstResponse(), errors);
            duration(at + ".nextReply", targets.nextReply(), errors);
            duration(at + ".resolution", targets.resolution(), errors);
            if (Boolean.TRUE.equals(targets.businessHours()) && request.calendarId() == null) {
                errors.add(new FieldError(at + ".businessHours", "business hours need the policy's calendarId"));
            }
        }
        if (request.calendarId() == null) {
            failIfAny(errors);
            return Uni.createFrom().voidItem();
        }
        return calendars
                .findVisible(request.calendarId(), caller.partnerScope())
                .map(calendar -> {
                    if (calendar == null) {
                        errors.add(
                                new FieldError("calendarId", "no business calendar with id " + request.calendarId()));
                    }
                    failIfAny(errors);
                    return null;
                });
    }

    private static void duration(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_TARGET) > 0) {
                errors.add(new FieldError(field, "must be more than zero and at most P366D"));
            } else if (duration.getNano() != 0) {
                errors.add(new FieldError(field, "must be whole seconds"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 duration such as PT4H or P2D"));
        }
    }

    private void apply(CreateSlaPolicyRequest request, SlaPolicy policy) {
        policy.name = request.name().trim();
        policy.position = request.position() == null ? 0 : request.position();
        policy.condition = request.condition() == null || request.condition().isBlank() ? null : request.condition();
        policy.calendarId = request.calendarId();
        policy.targets = mapper.targets(request.targets());
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static <T> T found(T value, String resource, UUID id) {
        if (value == null) {
            throw DomainException.notFound(resource, id);
        }
        return value;
    }
}
