package dev.rapport.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.ticket.api.BusinessCalendarView;
import dev.rapport.ticket.api.SlaPolicyView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Business calendars, SLA policies and what a ticket's SLA is read from, with pooled statements. */
@ApplicationScoped
class SlaQueries {

    static final Sort CALENDARS = new Sort(new Sort.SortField("createdAt", "c.created_at", Sort.Kind.TIMESTAMP), false);

    /** Policies in the order they are tried: position, then age (ids are time-ordered). */
    static final Sort POLICIES =
            new Sort(new Sort.SortField("position", "lpad(cast(p.position as text), 8, '0')", Sort.Kind.TEXT), false);

    private static final String CALENDAR_COLUMNS = """
            c.id, c.name, c.time_zone, cast(c.intervals as text), c.holidays, c.partner_id, c.created_at,
            c.updated_at, c.version""";

    private static final String POLICY_COLUMNS = """
            p.id, p.name, p.position, p.condition, p.calendar_id, cast(p.targets as text), p.partner_id,
            p.created_at, p.updated_at, p.version""";

    /** What a ticket's clocks are read from. */
    record TicketSlaState(
            UUID ticketId,
            String priority,
            Instant createdAt,
            Instant firstResponseAt,
            Instant awaitingReplySince,
            UUID policyId) {}

    /** The stored reading of the last next-reply cycle. */
    record StoredReply(
            long targetSeconds,
            boolean businessHours,
            String state,
            long elapsedSeconds,
            Instant startedAt,
            Instant dueAt,
            Instant breachedAt,
            Instant stoppedAt) {}

    private final PooledStatements statements;
    private final TicketMapper mapper;
    private final JsonColumns.Reader<TicketRecords.Openings> openings;
    private final JsonColumns.Reader<TicketRecords.Targets> targets;

    SlaQueries(PooledStatements statements, TicketMapper mapper, JsonColumns json) {
        this.statements = statements;
        this.mapper = mapper;
        this.openings = json.reader(TicketRecords.Openings.class);
        this.targets = json.reader(TicketRecords.Targets.class);
    }

    Uni<BusinessCalendarView> calendar(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + CALENDAR_COLUMNS + " from business_calendar c where c.id = " + params.bind(id)
                + " and " + Caller.scopeCondition(scope, "c.partner_id", params);
        return statements.list(sql, params.tuple(), this::toCalendar).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    Uni<Page<BusinessCalendarView>> calendars(String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + CALENDAR_COLUMNS + " from business_calendar c where "
                + Caller.scopeCondition(scope, "c.partner_id", params) + " and " + page.keyset("c.id", params)
                + page.orderAndLimit("c.id");
        return statements
                .list(sql, params.tuple(), this::toCalendar)
                .map(rows -> page.page(rows, c -> c.createdAt().toString(), BusinessCalendarView::id));
    }

    Uni<SlaPolicyView> policy(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + POLICY_COLUMNS + " from sla_policy p where p.id = " + params.bind(id) + " and "
                + Caller.scopeCondition(scope, "p.partner_id", params);
        return statements.list(sql, params.tuple(), this::toPolicy).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    Uni<Page<SlaPolicyView>> policies(String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + POLICY_COLUMNS + " from sla_policy p where "
                + Caller.scopeCondition(scope, "p.partner_id", params) + " and " + page.keyset("p.id", params)
                + page.orderAndLimit("p.id");
        return statements
                .list(sql, params.tuple(), this::toPolicy)
                .map(rows -> page.page(rows, p -> "%08d".formatted(p.position()), SlaPolicyView::id));
    }

    /** What the ticket's clocks are read from, or null when the caller may not see it. */
    Uni<TicketSlaState> ticketState(UUID ticketId, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select t.id, t.priority, t.created_at, t.first_response_at, t.awaiting_reply_since,"
                + " t.sla_policy_id from ticket t where t.id = " + params.bind(ticketId) + " and "
                + Caller.scopeCondition(scope, "t.partner_id", params);
        return statements
                .list(
                        sql,
                        params.tuple(),
                        row -> new TicketSlaState(
                                row.getUUID(0),
                                row.getString(1),
                                instant(row, 2),
                                instant(row, 3),
                                instant(row, 4),
                                row.getUUID(5)))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The ticket's policy's targets and calendar, by the policy id (null when it has none). */
    Uni<SlaPolicyView> policyOf(UUID policyId) {
        return policyId == null ? Uni.createFrom().nullItem() : policy(policyId, null);
    }

    /** A calendar's business hours, or null without a calendar. */
    Uni<BusinessHours> hours(UUID calendarId) {
        if (calendarId == null) {
            return Uni.createFrom().nullItem();
        }
        return statements
                .list(
                        "select time_zone, cast(intervals as text), holidays from business_calendar where id = $1",
                        Tuple.of(calendarId),
                        row -> {
                            BusinessCalendar calendar = new BusinessCalendar();
                            calendar.timeZone = row.getString(0);
                            calendar.intervals = openings.read(row.getString(1));
                            calendar.holidays = row.getArrayOfLocalDates(2);
                            return TicketSla.hours(calendar);
                        })
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The ticket's statuses, oldest first. */
    Uni<List<SlaClock.Change>> history(UUID ticketId) {
        return statements.list(
                "select to_status, changed_at from ticket_status_change where ticket_id = $1 order by changed_at, id",
                Tuple.of(ticketId),
                row -> new SlaClock.Change(instant(row, 1), TicketStatus.of(row.getString(0))));
    }

    /** The stored reading of the ticket's last next-reply cycle, or null. */
    Uni<StoredReply> storedReply(UUID ticketId) {
        return statements
                .list(
                        "select target_seconds, business_hours, state, elapsed_seconds, started_at, due_at, breached_at,"
                                + " stopped_at from ticket_sla_clock where ticket_id = $1 and metric = 'next_reply'",
                        Tuple.of(ticketId),
                        row -> new StoredReply(
                                row.getLong(0),
                                row.getBoolean(1),
                                row.getString(2),
                                row.getLong(3),
                                instant(row, 4),
                                instant(row, 5),
                                instant(row, 6),
                                instant(row, 7)))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private BusinessCalendarView toCalendar(Row row) {
        LocalDate[] holidays = row.getArrayOfLocalDates(4);
        return new BusinessCalendarView(
                row.getUUID(0),
                row.getString(1),
                row.getString(2),
                mapper.intervals(openings.read(row.getString(3))),
                holidays == null ? List.of() : Arrays.stream(holidays).sorted().toList(),
                row.getString(5),
                row.getOffsetDateTime(6),
                row.getOffsetDateTime(7),
                row.getLong(8));
    }

    private SlaPolicyView toPolicy(Row row) {
        return new SlaPolicyView(
                row.getUUID(0),
                row.getString(1),
                row.getInteger(2),
                row.getString(3),
                row.getUUID(4),
                mapper.targets(targets.read(row.getString(5))),
                row.getString(6),
                row.getOffsetDateTime(7),
                row.getOffsetDateTime(8),
                row.getLong(9));
    }

    private static Instant instant(Row row, int column) {
        var time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }
}
