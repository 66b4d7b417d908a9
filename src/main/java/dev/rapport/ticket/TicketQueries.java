package dev.rapport.ticket;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SearchText;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.paging.Sort.Kind;
import dev.rapport.platform.paging.Sort.SortField;
import dev.rapport.platform.security.Caller;
import dev.rapport.ticket.api.TicketMessageView;
import dev.rapport.ticket.api.TicketStatusChangeView;
import dev.rapport.ticket.api.TicketView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Tickets, their messages and history as callers read them: pooled statements returning views. */
@ApplicationScoped
class TicketQueries {

    /** The columns {@link #toView} reads, in its order. */
    private static final String COLUMNS = """
            t.id, t.number, t.customer_id, t.subject, t.status, t.priority, t.type, t.channel, t.assignee_id, t.team,
            t.tags, cast(t.attributes as text), t.follow_up_of, t.sla_policy_id, t.sla_due_at, t.partner_id,
            t.first_response_at, t.solved_at, t.closed_at, t.reopen_count, t.created_at, t.updated_at, t.version""";

    /** A far-future due time that sorts tickets without a running clock last. */
    static final String NO_DUE = "9999-12-31T00:00Z";

    private static final String PRIORITY_RANK =
            "(case t.priority when 'urgent' then '1' when 'high' then '2' when 'normal' then '3' else '4' end)";

    static final Map<String, SortField> SORTS = Map.of(
            "createdAt", new SortField("createdAt", "t.created_at", Kind.TIMESTAMP),
            "updatedAt", new SortField("updatedAt", "t.updated_at", Kind.TIMESTAMP),
            "slaDueAt",
                    new SortField("slaDueAt", "coalesce(t.sla_due_at, timestamptz '" + NO_DUE + "')", Kind.TIMESTAMP),
            "status", new SortField("status", "t.status", Kind.TEXT),
            "priority", new SortField("priority", PRIORITY_RANK, Kind.TEXT),
            "assigneeId", new SortField("assigneeId", "coalesce(t.assignee_id, '')", Kind.TEXT));

    static final Sort DEFAULT_SORT = new Sort(SORTS.get("createdAt"), true);

    static final Sort MESSAGES = new Sort(new SortField("createdAt", "m.created_at", Kind.TIMESTAMP), false);

    private final PooledStatements statements;
    private final Clock clock;
    private final TicketMapper mapper;
    private final JsonColumns.Reader<LinkedHashMap<String, Object>> attributes;
    private final JsonColumns.Reader<TicketRecords.Attachments> attachments;

    TicketQueries(PooledStatements statements, Clock clock, TicketMapper mapper, JsonColumns json) {
        this.statements = statements;
        this.clock = clock;
        this.mapper = mapper;
        this.attributes = json.reader(new TypeReference<LinkedHashMap<String, Object>>() {});
        this.attachments = json.reader(TicketRecords.Attachments.class);
    }

    /** A ticket a caller of {@code scope} may see, or null. */
    Uni<TicketView> find(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from ticket t where t.id = " + params.bind(id) + " and "
                + Caller.scopeCondition(scope, "t.partner_id", params);
        return statements.list(sql, params.tuple(), this::toView).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** One page of the tickets matching the filter and search, in the page's order. */
    Uni<Page<TicketView>> list(String filter, String query, String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("select ")
                .append(COLUMNS)
                .append(" from ticket t where ")
                .append(page.keyset("t.id", params))
                .append(" and ")
                .append(Caller.scopeCondition(scope, "t.partner_id", params));
        if (filter != null && !filter.isBlank()) {
            sql.append(" and ").append(TicketFields.LIST_FILTER.compile(filter, params, clock.instant()));
        }
        if (query != null && !query.isBlank()) {
            sql.append(" and t.search_text like ").append(params.bind(SearchText.containing(query)));
        }
        sql.append(page.orderAndLimit("t.id"));
        return statements
                .list(sql.toString(), params.tuple(), this::toView)
                .map(rows -> page.page(rows, sortKey(page.sort()), TicketView::id));
    }

    /** A page of a ticket's messages, oldest first; internal notes only when {@code internal}. */
    Uni<Page<TicketMessageView>> messages(UUID ticketId, boolean internal, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select m.id, m.ticket_id, m.visibility, m.author_type, m.author_id, m.body_text, m.body_html,"
                + " cast(m.attachments as text), m.created_at from ticket_message m where m.ticket_id = "
                + params.bind(ticketId) + (internal ? "" : " and m.visibility = 'public'") + " and "
                + page.keyset("m.id", params) + page.orderAndLimit("m.id");
        return statements
                .list(sql, params.tuple(), this::toMessage)
                .map(rows -> page.page(rows, m -> m.createdAt().toString(), TicketMessageView::id));
    }

    /** The first messages of each ticket (a GraphQL batch), oldest first. */
    Uni<Map<UUID, List<TicketMessageView>>> messagesOf(List<UUID> ticketIds, int perTicket) {
        SqlParams params = new SqlParams();
        String ids = params.bind(ticketIds.toArray(UUID[]::new));
        String sql = "select m.id, m.ticket_id, m.visibility, m.author_type, m.author_id, m.body_text, m.body_html,"
                + " cast(m.attachments as text), m.created_at from unnest(cast(" + ids + " as uuid[])) as k(id)"
                + " cross join lateral (select * from ticket_message m where m.ticket_id = k.id"
                + " order by m.created_at, m.id limit " + params.bind(perTicket) + ") m";
        return statements.list(sql, params.tuple(), this::toMessage).map(rows -> {
            Map<UUID, List<TicketMessageView>> byTicket = new HashMap<>();
            rows.forEach(m -> byTicket.computeIfAbsent(m.ticketId(), id -> new java.util.ArrayList<>())
                    .add(m));
            return byTicket;
        });
    }

    /** Every status each ticket took (a batch), oldest first. */
    Uni<Map<UUID, List<TicketStatusChangeView>>> history(List<UUID> ticketIds) {
        return statements
                .list(
                        "select ticket_id, from_status, to_status, changed_at, actor from ticket_status_change"
                                + " where ticket_id = any($1) order by changed_at, id",
                        Tuple.of(ticketIds.toArray(UUID[]::new)),
                        row -> Map.entry(
                                row.getUUID(0),
                                new TicketStatusChangeView(
                                        row.getString(1),
                                        row.getString(2),
                                        row.getOffsetDateTime(3),
                                        row.getString(4))))
                .map(rows -> {
                    Map<UUID, List<TicketStatusChangeView>> byTicket = new HashMap<>();
                    rows.forEach(e -> byTicket.computeIfAbsent(e.getKey(), id -> new java.util.ArrayList<>())
                            .add(e.getValue()));
                    return byTicket;
                });
    }

    /** The most recent tickets of each customer (a batch for the 360 view), newest first. */
    Uni<Map<UUID, List<TicketView>>> recent(List<UUID> customerIds, int perCustomer, String scope) {
        SqlParams params = new SqlParams();
        String ids = params.bind(customerIds.toArray(UUID[]::new));
        String sql = "select " + COLUMNS + " from unnest(cast(" + ids + " as uuid[])) as k(id)"
                + " cross join lateral (select * from ticket t where t.customer_id = k.id and "
                + Caller.scopeCondition(scope, "t.partner_id", params)
                + " order by t.created_at desc, t.id desc limit " + params.bind(perCustomer) + ") t";
        return statements.list(sql, params.tuple(), this::toView).map(rows -> {
            Map<UUID, List<TicketView>> byCustomer = new HashMap<>();
            rows.forEach(view -> byCustomer
                    .computeIfAbsent(view.customerId(), id -> new java.util.ArrayList<>())
                    .add(view));
            return byCustomer;
        });
    }

    /** How many unsolved tickets each customer has (a batch for the 360 view). */
    Uni<Map<UUID, Integer>> openCounts(List<UUID> customerIds, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select t.customer_id, count(*) from ticket t where t.customer_id = any("
                + params.bind(customerIds.toArray(UUID[]::new)) + ") and t.status not in ('solved', 'closed') and "
                + Caller.scopeCondition(scope, "t.partner_id", params) + " group by t.customer_id";
        return statements
                .list(
                        sql,
                        params.tuple(),
                        row -> Map.entry(row.getUUID(0), row.getLong(1).intValue()))
                .map(rows -> {
                    Map<UUID, Integer> counts = new HashMap<>();
                    rows.forEach(e -> counts.put(e.getKey(), e.getValue()));
                    return counts;
                });
    }

    /** A ticket's value of the SQL sort expression, as the cursor carries it. */
    private static Function<TicketView, String> sortKey(Sort sort) {
        return switch (sort.field().name()) {
            case "createdAt" -> t -> t.createdAt().toString();
            case "updatedAt" -> t -> t.updatedAt().toString();
            case "slaDueAt" -> t -> t.slaDueAt() == null ? NO_DUE : t.slaDueAt().toString();
            case "status" -> TicketView::status;
            case "priority" ->
                t -> switch (t.priority()) {
                    case "urgent" -> "1";
                    case "high" -> "2";
                    case "normal" -> "3";
                    default -> "4";
                };
            default -> t -> t.assigneeId() == null ? "" : t.assigneeId();
        };
    }

    private TicketView toView(Row row) {
        return new TicketView(
                row.getUUID(0),
                TicketMapper.number(row.getLong(1)),
                row.getUUID(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                List.of(row.getArrayOfStrings(10)),
                attributes.read(row.getString(11)),
                row.getUUID(12),
                row.getUUID(13),
                row.getOffsetDateTime(14),
                row.getString(15),
                row.getOffsetDateTime(16),
                row.getOffsetDateTime(17),
                row.getOffsetDateTime(18),
                row.getInteger(19),
                row.getOffsetDateTime(20),
                row.getOffsetDateTime(21),
                row.getLong(22));
    }

    private TicketMessageView toMessage(Row row) {
        return new TicketMessageView(
                row.getUUID(0),
                row.getUUID(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                mapper.attachments(attachments.read(row.getString(7))),
                row.getOffsetDateTime(8));
    }
}
