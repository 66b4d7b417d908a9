package dev.rapport.lead;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.lead.api.LeadAssignmentRuleView;
import dev.rapport.lead.api.LeadScoringRuleView;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Scoring and assignment rules as callers read them, with pooled statements. */
@ApplicationScoped
class LeadRuleQueries {

    /** Rules in the order they are tried: position, then age (ids are time-ordered). */
    static final Sort ORDER =
            new Sort(new Sort.SortField("position", "lpad(cast(r.position as text), 8, '0')", Sort.Kind.TEXT), false);

    private static final String COLUMNS = """
            r.id, r.kind, r.name, r.condition, r.points, r.owner_id, r.pool, r.turns, r.position, r.enabled,
            r.partner_id, r.created_at, r.updated_at, r.version""";

    private final PooledStatements statements;

    LeadRuleQueries(PooledStatements statements) {
        this.statements = statements;
    }

    Uni<LeadScoringRuleView> scoringRule(UUID id, String scope) {
        return one(id, LeadRule.SCORING, scope, LeadRuleQueries::toScoring);
    }

    Uni<LeadAssignmentRuleView> assignmentRule(UUID id, String scope) {
        return one(id, LeadRule.ASSIGNMENT, scope, LeadRuleQueries::toAssignment);
    }

    Uni<Page<LeadScoringRuleView>> scoringRules(String scope, PageRequest page) {
        return page(LeadRule.SCORING, scope, page, LeadRuleQueries::toScoring)
                .map(rows -> page.page(rows, r -> "00000000", LeadScoringRuleView::id));
    }

    Uni<Page<LeadAssignmentRuleView>> assignmentRules(String scope, PageRequest page) {
        return page(LeadRule.ASSIGNMENT, scope, page, LeadRuleQueries::toAssignment)
                .map(rows -> page.page(rows, r -> "%08d".formatted(r.position()), LeadAssignmentRuleView::id));
    }

    /** The enabled rules a lead of {@code partnerId} is held to, in the order they are tried. */
    Uni<List<LeadScoring.Rule>> forLeadsOf(String partnerId) {
        String sql = "select " + COLUMNS + " from lead_rule r where r.enabled and (r.partner_id is null"
                + (partnerId == null ? ")" : " or r.partner_id = $1)") + " order by r.position, r.id";
        return statements.list(
                sql,
                partnerId == null ? Tuple.tuple() : Tuple.of(partnerId),
                row -> new LeadScoring.Rule(
                        row.getUUID(0),
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getInteger(4),
                        row.getString(5),
                        row.getArrayOfStrings(6) == null ? List.of() : List.of(row.getArrayOfStrings(6)),
                        row.getBoolean(9)));
    }

    private <T> Uni<T> one(UUID id, String kind, String scope, java.util.function.Function<Row, T> mapper) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from lead_rule r where r.id = " + params.bind(id) + " and r.kind = "
                + params.bind(kind) + " and " + Caller.scopeCondition(scope, "r.partner_id", params);
        return statements.list(sql, params.tuple(), mapper).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private <T> Uni<List<T>> page(
            String kind, String scope, PageRequest page, java.util.function.Function<Row, T> mapper) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from lead_rule r where r.kind = " + params.bind(kind) + " and "
                + Caller.scopeCondition(scope, "r.partner_id", params) + " and " + page.keyset("r.id", params)
                + page.orderAndLimit("r.id");
        return statements.list(sql, params.tuple(), mapper);
    }

    private static LeadScoringRuleView toScoring(Row row) {
        return new LeadScoringRuleView(
                row.getUUID(0),
                row.getString(2),
                row.getString(3),
                row.getInteger(4),
                row.getBoolean(9),
                row.getString(10),
                row.getOffsetDateTime(11),
                row.getOffsetDateTime(12),
                row.getLong(13));
    }

    private static LeadAssignmentRuleView toAssignment(Row row) {
        return new LeadAssignmentRuleView(
                row.getUUID(0),
                row.getString(2),
                row.getString(3),
                row.getInteger(8),
                row.getString(5),
                row.getArrayOfStrings(6) == null ? null : List.of(row.getArrayOfStrings(6)),
                row.getLong(7),
                row.getBoolean(9),
                row.getString(10),
                row.getOffsetDateTime(11),
                row.getOffsetDateTime(12),
                row.getLong(13));
    }
}
