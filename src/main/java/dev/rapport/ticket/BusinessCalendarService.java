package dev.rapport.ticket;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import dev.rapport.ticket.api.BusinessCalendarView;
import dev.rapport.ticket.api.CreateBusinessCalendarRequest;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Business calendars: weekly openings in an IANA time zone and holidays, which SLA policies count business time by.
 * A partner manages and sees its own; a calendar a policy counts by cannot be deleted.
 */
@ApplicationScoped
public class BusinessCalendarService {

    /** Calendars oldest first. */
    static final Sort CALENDARS = SlaQueries.CALENDARS;

    private final BusinessCalendarRepository calendars;
    private final SlaPolicyRepository policies;
    private final SlaQueries queries;
    private final TicketMapper mapper;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    BusinessCalendarService(
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
