package dev.rapport.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.event.EventLog;
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
import dev.rapport.ticket.api.CreateSlaPolicyRequest;
import dev.rapport.ticket.api.SlaPolicyView;
import dev.rapport.ticket.api.SlaTargets;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * SLA policies, checked as a whole (conditions, durations, one entry per priority, a calendar the caller may use).
 * A partner manages and sees its own; its tickets are held to its policies and the in-house ones.
 */
@ApplicationScoped
public class SlaPolicyService {

    /** Policies in the order they are tried. */
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

    SlaPolicyService(
            BusinessCalendarRepository calendars,
            SlaPolicyRepository policies,
            SlaQueries queries,
            TicketMapper mapper,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.queries = queries;
        this.mapper = mapper;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

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
