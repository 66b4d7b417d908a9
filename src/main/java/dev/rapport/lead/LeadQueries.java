package dev.rapport.lead;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.rapport.lead.api.CustomerLead;
import dev.rapport.lead.api.LeadCompany;
import dev.rapport.lead.api.LeadNoteView;
import dev.rapport.lead.api.LeadStageStayView;
import dev.rapport.lead.api.LeadView;
import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SearchText;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.money.Amounts;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.paging.Sort.Kind;
import dev.rapport.platform.paging.Sort.SortField;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Leads, their notes and stage history as callers read them: pooled statements returning views. */
@ApplicationScoped
class LeadQueries {

    /** The columns {@link #toView} reads, in its order. */
    private static final String COLUMNS = """
            l.id, l.given_name, l.family_name, l.email, l.phone, l.company_name, l.company_size, l.industry,
            l.website, l.source, l.campaign, cast(l.utm as text), l.pipeline_id, l.stage, l.stage_category,
            l.stage_entered_at, l.owner_id, l.score, l.value_amount, l.value_currency, l.expected_close_date, l.tags,
            cast(l.attributes as text), l.lost_reason, l.customer_id, l.converted_at, l.note_count, l.last_note_at,
            l.partner_id, l.created_at, l.updated_at, l.version""";

    /** The score as text that sorts like the number (scores stay within ±10^7). */
    private static final String SCORE_KEY = "lpad(cast(l.score + 10000000 as text), 9, '0')";

    static final Map<String, SortField> SORTS = Map.of(
            "createdAt", new SortField("createdAt", "l.created_at", Kind.TIMESTAMP),
            "updatedAt", new SortField("updatedAt", "l.updated_at", Kind.TIMESTAMP),
            "stageEnteredAt", new SortField("stageEnteredAt", "l.stage_entered_at", Kind.TIMESTAMP),
            "score", new SortField("score", SCORE_KEY, Kind.TEXT),
            "stage", new SortField("stage", "l.stage", Kind.TEXT),
            "ownerId", new SortField("ownerId", "coalesce(l.owner_id, '')", Kind.TEXT));

    static final Sort DEFAULT_SORT = new Sort(SORTS.get("createdAt"), true);

    /** A lead's timeline, newest first. */
    static final Sort TIMELINE = new Sort(new SortField("occurredAt", "n.occurred_at", Kind.TIMESTAMP), true);

    private static final String NOTE_COLUMNS = "n.id, n.lead_id, n.type, n.body, n.author, n.occurred_at, n.created_at";

    private final PooledStatements statements;
    private final Clock clock;
    private final LeadMapper mapper;
    private final JsonColumns.Reader<LinkedHashMap<String, Object>> attributes;
    private final JsonColumns.Reader<LeadRecords.Utm> utm;

    LeadQueries(PooledStatements statements, Clock clock, LeadMapper mapper, JsonColumns json) {
        this.statements = statements;
        this.clock = clock;
        this.mapper = mapper;
        this.attributes = json.reader(new TypeReference<LinkedHashMap<String, Object>>() {});
        this.utm = json.reader(LeadRecords.Utm.class);
    }

    /** A lead a caller of {@code scope} may see, or null. */
    Uni<LeadView> find(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from lead l where l.id = " + params.bind(id) + " and "
                + Caller.scopeCondition(scope, "l.partner_id", params);
        return statements.list(sql, params.tuple(), this::toView).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** One page of the leads matching the filter and search, in the page's order. */
    Uni<Page<LeadView>> list(String filter, String query, String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("select ")
                .append(COLUMNS)
                .append(" from lead l where ")
                .append(page.keyset("l.id", params))
                .append(" and ")
                .append(Caller.scopeCondition(scope, "l.partner_id", params));
        if (filter != null && !filter.isBlank()) {
            sql.append(" and ").append(LeadFields.LIST_FILTER.compile(filter, params, clock.instant()));
        }
        if (query != null && !query.isBlank()) {
            sql.append(" and l.search_text like ").append(params.bind(SearchText.containing(query)));
        }
        sql.append(page.orderAndLimit("l.id"));
        return statements
                .list(sql.toString(), params.tuple(), this::toView)
                .map(rows -> page.page(rows, sortKey(page.sort()), LeadView::id));
    }

    /** A page of a lead's notes, newest first. */
    Uni<Page<LeadNoteView>> notes(UUID leadId, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + NOTE_COLUMNS + " from lead_note n where n.lead_id = " + params.bind(leadId) + " and "
                + page.keyset("n.id", params) + page.orderAndLimit("n.id");
        return statements
                .list(sql, params.tuple(), LeadQueries::toNote)
                .map(rows -> page.page(rows, n -> n.occurredAt().toString(), LeadNoteView::id));
    }

    /** How many of the lead's notes happened after {@code since}. */
    Uni<Long> recentNotes(UUID leadId, OffsetDateTime since) {
        return statements
                .list(
                        "select count(*) from lead_note where lead_id = $1 and occurred_at > $2",
                        Tuple.of(leadId, since),
                        row -> row.getLong(0))
                .map(rows -> rows.get(0));
    }

    /** The newest notes of each lead (a GraphQL batch), newest first. */
    Uni<Map<UUID, List<LeadNoteView>>> notesOf(List<UUID> leadIds, int perLead) {
        SqlParams params = new SqlParams();
        String ids = params.bind(leadIds.toArray(UUID[]::new));
        String sql = "select " + NOTE_COLUMNS + " from unnest(cast(" + ids + " as uuid[])) as k(id)"
                + " cross join lateral (select * from lead_note n where n.lead_id = k.id"
                + " order by n.occurred_at desc, n.id desc limit " + params.bind(perLead) + ") n";
        return statements.list(sql, params.tuple(), LeadQueries::toNote).map(rows -> group(rows, LeadNoteView::leadId));
    }

    /** Every stay of each lead in a stage (a batch), oldest first, the current one timed until now. */
    Uni<Map<UUID, List<LeadStageStayView>>> history(List<UUID> leadIds) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return statements
                .list(
                        "select lead_id, pipeline_id, stage, entered_at, left_at, next_stage, actor"
                                + " from lead_stage_stay where lead_id = any($1) order by entered_at, id",
                        Tuple.of(leadIds.toArray(UUID[]::new)),
                        row -> Map.entry(row.getUUID(0), toStay(row, now)))
                .map(rows -> {
                    Map<UUID, List<LeadStageStayView>> byLead = new HashMap<>();
                    rows.forEach(e -> byLead.computeIfAbsent(e.getKey(), id -> new ArrayList<>())
                            .add(e.getValue()));
                    return byLead;
                });
    }

    /** The lead each customer was converted from (the latest, when several were), for the 360 view. */
    Uni<Map<UUID, CustomerLead>> convertedInto(List<UUID> customerIds, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select distinct on (l.customer_id) l.customer_id, l.id, l.source, l.campaign, l.owner_id,"
                + " l.created_at, l.converted_at from lead l where l.customer_id = any("
                + params.bind(customerIds.toArray(UUID[]::new)) + ") and "
                + Caller.scopeCondition(scope, "l.partner_id", params)
                + " order by l.customer_id, l.converted_at desc";
        return statements
                .list(
                        sql,
                        params.tuple(),
                        row -> Map.entry(
                                row.getUUID(0),
                                new CustomerLead(
                                        row.getUUID(1),
                                        row.getString(2),
                                        row.getString(3),
                                        row.getString(4),
                                        row.getOffsetDateTime(5),
                                        row.getOffsetDateTime(6))))
                .map(rows -> {
                    Map<UUID, CustomerLead> byCustomer = new HashMap<>();
                    rows.forEach(e -> byCustomer.put(e.getKey(), e.getValue()));
                    return byCustomer;
                });
    }

    private static <T> Map<UUID, List<T>> group(List<T> rows, Function<T, UUID> key) {
        Map<UUID, List<T>> grouped = new HashMap<>();
        rows.forEach(row ->
                grouped.computeIfAbsent(key.apply(row), id -> new ArrayList<>()).add(row));
        return grouped;
    }

    /** A lead's value of the SQL sort expression, as the cursor carries it. */
    private static Function<LeadView, String> sortKey(Sort sort) {
        return switch (sort.field().name()) {
            case "createdAt" -> l -> l.createdAt().toString();
            case "updatedAt" -> l -> l.updatedAt().toString();
            case "stageEnteredAt" -> l -> l.stageEnteredAt().toString();
            case "score" -> l -> String.format("%09d", l.score() + 10_000_000);
            case "stage" -> LeadView::stage;
            default -> l -> l.ownerId() == null ? "" : l.ownerId();
        };
    }

    private LeadView toView(Row row) {
        String currency = row.getString(19);
        LeadCompany company = LeadCompany.of(row.getString(5), row.getString(6), row.getString(7), row.getString(8));
        return new LeadView(
                row.getUUID(0),
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                company,
                row.getString(9),
                row.getString(10),
                mapper.utm(utm.read(row.getString(11))),
                row.getUUID(12),
                row.getString(13),
                row.getString(14),
                row.getOffsetDateTime(15),
                row.getString(16),
                row.getInteger(17),
                Amounts.scaled(row.getBigDecimal(18), currency),
                currency,
                row.getLocalDate(20),
                List.of(row.getArrayOfStrings(21)),
                attributes.read(row.getString(22)),
                row.getString(23),
                row.getUUID(24),
                row.getOffsetDateTime(25),
                row.getInteger(26),
                row.getOffsetDateTime(27),
                row.getString(28),
                row.getOffsetDateTime(29),
                row.getOffsetDateTime(30),
                row.getLong(31));
    }

    private static LeadNoteView toNote(Row row) {
        return new LeadNoteView(
                row.getUUID(0),
                row.getUUID(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getOffsetDateTime(5),
                row.getOffsetDateTime(6));
    }

    private static LeadStageStayView toStay(Row row, OffsetDateTime now) {
        OffsetDateTime entered = row.getOffsetDateTime(3);
        OffsetDateTime left = row.getOffsetDateTime(4);
        return new LeadStageStayView(
                row.getUUID(1),
                row.getString(2),
                entered,
                left,
                row.getString(5),
                Math.max(0, Duration.between(entered, left == null ? now : left).toSeconds()),
                row.getString(6));
    }
}
