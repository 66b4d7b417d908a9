package dev.rapport.segment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cz.jirutka.rsql.parser.ast.Node;
import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.FactCatalog;
import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Caller;
import dev.rapport.segment.api.SegmentChangeView;
import dev.rapport.segment.api.SegmentMemberView;
import dev.rapport.segment.api.SegmentReason;
import dev.rapport.segment.api.SegmentView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Segments, members and history as callers and the engine read them: pooled statements returning views. */
@ApplicationScoped
class SegmentQueries {

    private static final String COLUMNS = """
            s.id, s.name, s.description, s.kind, s.rule, s.rule_version, s.status, s.member_count,
            s.announce_initial, s.computed_at, s.created_at, s.updated_at, s.version""";

    /** A dynamic segment's rule, as the engine evaluates it. */
    record RuleRow(UUID id, String name, String rule, int ruleVersion, String partnerId) {}

    /** A customer's membership of a segment; equal when segment and customer are. */
    record Membership(UUID segmentId, UUID customerId, String segmentName, int ruleVersion, String partnerId) {

        Membership(UUID segmentId, UUID customerId) {
            this(segmentId, customerId, null, 0, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Membership m && m.segmentId.equals(segmentId) && m.customerId.equals(customerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(segmentId, customerId);
        }
    }

    /** The facts of one customer, and who it is. */
    record CustomerFacts(FactCatalog.Subject subject, Facts facts) {}

    /** What a rule matches: how many, and the ids of the newest few. */
    record Matches(long count, List<UUID> sample) {}

    private final PooledStatements statements;
    private final FactCatalog facts;
    private final JsonColumns.Reader<SegmentReason> reasons;

    SegmentQueries(PooledStatements statements, FactCatalog facts, JsonColumns json) {
        this.statements = statements;
        this.facts = facts;
        this.reasons = json.reader(SegmentReason.class);
    }

    /** A segment a caller of {@code scope} may see, or null. */
    Uni<SegmentView> find(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from segment s where s.id = " + params.bind(id) + " and "
                + Caller.scopeCondition(scope, "s.partner_id", params);
        return statements
                .list(sql, params.tuple(), SegmentQueries::toView)
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** One page of the segments a caller of {@code scope} may see, newest first. */
    Uni<Page<SegmentView>> list(String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql =
                "select " + COLUMNS + " from segment s where " + Caller.scopeCondition(scope, "s.partner_id", params)
                        + " and " + page.keyset("s.id", params) + page.orderAndLimit("s.id");
        return statements
                .list(sql, params.tuple(), SegmentQueries::toView)
                .map(rows -> page.page(rows, s -> s.createdAt().toString(), SegmentView::id));
    }

    /** The rules of every ready dynamic segment. */
    Uni<List<RuleRow>> readyRules() {
        return statements.list(
                "select id, name, rule, rule_version, partner_id from segment where kind = 'dynamic' and status = 'ready'",
                Tuple.tuple(),
                row -> new RuleRow(
                        row.getUUID(0), row.getString(1), row.getString(2), row.getInteger(3), row.getString(4)));
    }

    /** The facts of customers, as of {@code now}. */
    Uni<List<CustomerFacts>> facts(List<UUID> customerIds, Instant now) {
        SqlParams params = new SqlParams();
        String sql = facts.factsQuery(customerIds, params, now);
        return statements.list(
                sql, params.tuple(), row -> new CustomerFacts(FactCatalog.subject(row), facts.facts(row)));
    }

    /** Up to {@code limit} member ids of a segment, in id order, after {@code after} (null: from the first). */
    Uni<List<UUID>> memberIds(UUID segmentId, UUID after, int limit) {
        return statements.list(
                "select customer_id from segment_member where segment_id = $1 and customer_id > $2"
                        + " order by customer_id limit $3",
                Tuple.of(segmentId, after == null ? new UUID(0, 0) : after, limit),
                row -> row.getUUID(0));
    }

    /** Every membership of these customers, of any segment. */
    Uni<List<Membership>> memberships(List<UUID> customerIds) {
        return statements.list(
                """
                select m.segment_id, m.customer_id, s.name, s.rule_version, s.partner_id
                from segment_member m join segment s on s.id = m.segment_id
                where m.customer_id = any($1)
                """,
                Tuple.of(customerIds.toArray(UUID[]::new)),
                row -> new Membership(
                        row.getUUID(0), row.getUUID(1), row.getString(2), row.getInteger(3), row.getString(4)));
    }

    /** How many live customers of {@code scope} a rule matches now, and the newest {@code sample} of them. */
    Uni<Matches> matches(Node rule, String scope, int sample, Instant now) {
        SqlParams countParams = new SqlParams();
        String count = "select count(*) from customer c " + matching(rule, scope, countParams, now);
        SqlParams sampleParams = new SqlParams();
        String newest = "select c.id from customer c " + matching(rule, scope, sampleParams, now)
                + " order by c.created_at desc, c.id desc limit " + sample;
        return statements
                .list(count, countParams.tuple(), row -> row.getLong(0))
                .chain(total -> sample == 0
                        ? Uni.createFrom().item(new Matches(total.get(0), List.of()))
                        : statements
                                .list(newest, sampleParams.tuple(), row -> row.getUUID(0))
                                .map(ids -> new Matches(total.get(0), ids)));
    }

    private String matching(Node rule, String scope, SqlParams params, Instant now) {
        FactCatalog.SqlFilter filter = facts.sql(rule, params, now);
        return filter.joins() + " where c.deleted_at is null and "
                + Caller.scopeCondition(scope, "c.partner_id", params) + " and " + filter.condition();
    }

    /** One page of a segment's members, newest first, of those matching {@code filter} (null for all). */
    Uni<Page<SegmentMemberView>> members(UUID segmentId, Node filter, PageRequest page, Instant now) {
        SqlParams params = new SqlParams();
        FactCatalog.SqlFilter condition =
                filter == null ? new FactCatalog.SqlFilter("true", "") : facts.sql(filter, params, now);
        String sql = """
                select m.segment_id, s.name, m.customer_id, m.since
                from segment_member m join segment s on s.id = m.segment_id
                join customer c on c.id = m.customer_id %s
                where m.segment_id = %s and %s and %s %s
                """.formatted(
                        condition.joins(),
                        params.bind(segmentId),
                        page.keyset("m.customer_id", params),
                        condition.condition(),
                        page.orderAndLimit("m.customer_id"));
        return statements
                .list(sql, params.tuple(), SegmentQueries::toMember)
                .map(rows -> page.page(rows, SegmentMemberView::sinceKey, SegmentMemberView::customerId));
    }

    /**
     * The first page of members of each of many segments (a GraphQL batch), with one statement: each segment's
     * newest members, after the page's cursor, matching {@code filter} (null for all).
     */
    Uni<java.util.Map<UUID, Page<SegmentMemberView>>> members(
            List<UUID> segmentIds, Node filter, PageRequest page, Instant now) {
        SqlParams params = new SqlParams();
        FactCatalog.SqlFilter condition =
                filter == null ? new FactCatalog.SqlFilter("true", "") : facts.sql(filter, params, now);
        String sql = """
                select m.segment_id, s.name, m.customer_id, m.since
                from segment s cross join lateral (
                    select m.* from segment_member m join customer c on c.id = m.customer_id %s
                    where m.segment_id = s.id and %s and %s %s
                ) m
                where s.id = any(%s)
                """.formatted(
                        condition.joins(),
                        page.keyset("m.customer_id", params),
                        condition.condition(),
                        page.orderAndLimit("m.customer_id"),
                        params.bind(segmentIds.toArray(UUID[]::new)));
        return statements.list(sql, params.tuple(), SegmentQueries::toMember).map(rows -> {
            java.util.Map<UUID, List<SegmentMemberView>> bySegment = new java.util.LinkedHashMap<>();
            segmentIds.forEach(id -> bySegment.put(id, new java.util.ArrayList<>()));
            rows.forEach(row -> bySegment.get(row.segmentId()).add(row));
            java.util.Map<UUID, Page<SegmentMemberView>> pages = new java.util.LinkedHashMap<>();
            bySegment.forEach((id, members) ->
                    pages.put(id, page.page(members, SegmentMemberView::sinceKey, SegmentMemberView::customerId)));
            return pages;
        });
    }

    /** One page of the segments a customer belongs to (those a caller of {@code scope} may see), newest first. */
    Uni<Page<SegmentMemberView>> segmentsOf(UUID customerId, String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = """
                select m.segment_id, s.name, m.customer_id, m.since
                from segment_member m join segment s on s.id = m.segment_id
                where m.customer_id = %s and %s and %s %s
                """.formatted(
                        params.bind(customerId),
                        Caller.scopeCondition(scope, "s.partner_id", params),
                        page.keyset("m.segment_id", params),
                        page.orderAndLimit("m.segment_id"));
        return statements
                .list(sql, params.tuple(), SegmentQueries::toMember)
                .map(rows -> page.page(rows, SegmentMemberView::sinceKey, SegmentMemberView::segmentId));
    }

    /** The memberships of many customers (a GraphQL batch) in segments a caller of {@code scope} may see. */
    Uni<List<SegmentMemberView>> segmentsOf(List<UUID> customerIds, String scope) {
        SqlParams params = new SqlParams();
        String sql = """
                select m.segment_id, s.name, m.customer_id, m.since
                from segment_member m join segment s on s.id = m.segment_id
                where m.customer_id = any(%s) and %s
                order by m.since desc, m.segment_id desc
                """.formatted(
                params.bind(customerIds.toArray(UUID[]::new)), Caller.scopeCondition(scope, "s.partner_id", params));
        return statements.list(sql, params.tuple(), SegmentQueries::toMember);
    }

    /** One page of a segment's history, newest first. */
    Uni<Page<SegmentChangeView>> changes(UUID segmentId, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = """
                select h.id, h.segment_id, h.customer_id, h.change, h.rule_version, cast(h.reason as text), h.occurred_at
                from segment_change h where h.segment_id = %s and %s %s
                """.formatted(params.bind(segmentId), page.keyset("h.id", params), page.orderAndLimit("h.id"));
        return statements
                .list(
                        sql,
                        params.tuple(),
                        row -> new SegmentChangeView(
                                row.getUUID(0),
                                row.getUUID(1),
                                row.getUUID(2),
                                row.getString(3),
                                row.getInteger(4),
                                reasons.read(row.getString(5)),
                                row.getOffsetDateTime(6)))
                .map(rows -> page.page(rows, c -> c.occurredAt().toString(), SegmentChangeView::id));
    }

    private static SegmentMemberView toMember(Row row) {
        return new SegmentMemberView(row.getUUID(0), row.getString(1), row.getUUID(2), row.getOffsetDateTime(3));
    }

    private static SegmentView toView(Row row) {
        return new SegmentView(
                row.getUUID(0),
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getInteger(5),
                row.getString(6),
                row.getLong(7),
                row.getBoolean(8),
                row.getOffsetDateTime(9),
                row.getOffsetDateTime(10),
                row.getOffsetDateTime(11),
                row.getLong(12));
    }
}
