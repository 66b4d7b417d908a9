package dev.rapport.lead;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The SQL of the pipeline figures, over the leads of one pipeline captured in a range (the cohort): one pass over
 * the leads by period, group, current stage and currency; one over their stays by stage; one over the lost ones'
 * reasons.
 */
@ApplicationScoped
class LeadMetricsQueries {

    /** The lead columns a period may be grouped by. */
    static final Map<String, String> GROUPS = Map.of("source", "l.source", "owner", "l.owner_id", "stage", "l.stage");

    /** The cohort's leads of one period, group, current stage and currency. */
    record Cell(
            OffsetDateTime period,
            String group,
            String stage,
            String currency,
            long created,
            long converted,
            long lost,
            BigDecimal value,
            BigDecimal wonValue) {}

    /** The cohort's stays in one stage. */
    record StageStays(String stage, long reached, long advanced, Double averageSeconds, Double medianSeconds) {}

    private final PooledStatements statements;

    LeadMetricsQueries(PooledStatements statements) {
        this.statements = statements;
    }

    Uni<List<Cell>> cells(
            UUID pipelineId, OffsetDateTime from, OffsetDateTime to, String interval, String groupBy, String scope) {
        SqlParams params = new SqlParams();
        String group = groupBy == null ? "cast(null as text)" : GROUPS.get(groupBy);
        String end = params.bind(to);
        String sql = "select date_trunc(" + params.bind(interval) + ", l.created_at at time zone 'UTC') at time zone"
                + " 'UTC', " + group + ", l.stage, l.value_currency, count(*),"
                + " count(*) filter (where l.converted_at < " + end + "),"
                + " count(*) filter (where l.stage_category = 'lost'),"
                + " sum(l.value_amount),"
                + " sum(l.value_amount) filter (where l.converted_at < " + end + ")"
                + cohort(pipelineId, from, end, scope, params)
                + " group by 1, 2, 3, 4";
        return statements.list(
                sql,
                params.tuple(),
                row -> new Cell(
                        row.getOffsetDateTime(0),
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getLong(4),
                        row.getLong(5),
                        row.getLong(6),
                        row.getBigDecimal(7),
                        row.getBigDecimal(8)));
    }

    /**
     * Per stage: how many of the cohort's leads were in it, how many of those left it for a later stage of the
     * pipeline ({@code stages} in order) that is not a lost one ({@code lost}), and the mean and median seconds of
     * the stays that ended.
     */
    Uni<List<StageStays>> stays(
            UUID pipelineId,
            List<String> stages,
            List<String> lost,
            OffsetDateTime from,
            OffsetDateTime to,
            String scope) {
        SqlParams params = new SqlParams();
        String order = "cast(" + params.bind(stages.toArray(String[]::new)) + " as text[])";
        String lostStages = "cast(" + params.bind(lost.toArray(String[]::new)) + " as text[])";
        String pipeline = params.bind(pipelineId);
        String sql = "select s.stage, count(distinct s.lead_id),"
                + " count(distinct s.lead_id) filter (where array_position(" + order + ", s.next_stage)"
                + " > array_position(" + order + ", s.stage) and s.next_stage <> all(" + lostStages + ")),"
                + " avg(extract(epoch from s.left_at - s.entered_at)) filter (where s.left_at is not null),"
                + " percentile_cont(0.5) within group (order by extract(epoch from s.left_at - s.entered_at))"
                + " filter (where s.left_at is not null)"
                + " from lead_stage_stay s join lead l on l.id = s.lead_id"
                + " where s.pipeline_id = " + pipeline + " and l.pipeline_id = " + pipeline
                + " and l.created_at >= " + params.bind(from) + " and l.created_at < " + params.bind(to)
                + " and " + Caller.scopeCondition(scope, "l.partner_id", params)
                + " group by s.stage";
        return statements.list(
                sql,
                params.tuple(),
                row -> new StageStays(
                        row.getString(0),
                        row.getLong(1),
                        row.getLong(2),
                        row.getValue(3) == null ? null : ((Number) row.getValue(3)).doubleValue(),
                        row.getValue(4) == null ? null : ((Number) row.getValue(4)).doubleValue()));
    }

    /** The cohort's lost leads by reason, most frequent first. */
    Uni<List<Map.Entry<String, Long>>> lostReasons(
            UUID pipelineId, OffsetDateTime from, OffsetDateTime to, String scope) {
        SqlParams params = new SqlParams();
        String end = params.bind(to);
        String sql = "select coalesce(l.lost_reason, ''), count(*)" + cohort(pipelineId, from, end, scope, params)
                + " and l.stage_category = 'lost' group by 1 order by 2 desc, 1 limit 50";
        return statements.list(sql, params.tuple(), row -> Map.entry(row.getString(0), row.getLong(1)));
    }

    private static String cohort(UUID pipelineId, OffsetDateTime from, String end, String scope, SqlParams params) {
        return " from lead l where l.pipeline_id = " + params.bind(pipelineId) + " and l.created_at >= "
                + params.bind(from) + " and l.created_at < " + end + " and "
                + Caller.scopeCondition(scope, "l.partner_id", params);
    }
}
