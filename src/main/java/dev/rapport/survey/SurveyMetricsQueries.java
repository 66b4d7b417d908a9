package dev.rapport.survey;

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
 * The counts survey figures are made of, per UTC period and group, with one aggregate over the completed responses'
 * covering index and one over the delivered links'.
 */
@ApplicationScoped
class SurveyMetricsQueries {

    /** What each groupBy groups responses and links by; links are not cut by segment. */
    static final Map<String, String[]> GROUPS = Map.of(
            "survey", new String[] {"cast(r.survey_id as text)", "cast(d.survey_id as text)"},
            "touchpoint", new String[] {"r.touchpoint", "d.touchpoint"},
            "channel", new String[] {"r.channel", "d.channel"},
            "segment", new String[] {"cast(g.segment as text)", null});

    private final PooledStatements statements;

    SurveyMetricsQueries(PooledStatements statements) {
        this.statements = statements;
    }

    /** The counts of one period and group. */
    record Row(OffsetDateTime period, String group, SurveyScores.Counts counts) {}

    /** What the figures cover: a range, and optionally one survey and one touchpoint. */
    record Range(OffsetDateTime from, OffsetDateTime to, String interval, UUID surveyId, String touchpoint) {}

    Uni<List<Row>> responses(Range range, String groupBy, String scope) {
        SqlParams params = new SqlParams();
        String interval = params.bind(range.interval());
        String group = groupBy == null ? "cast(null as text)" : GROUPS.get(groupBy)[0];
        String sql = "select date_trunc(" + interval + ", r.submitted_at, 'UTC'), " + group + ", count(*),"
                + " count(*) filter (where r.customer_id is not null), count(r.nps),"
                + " count(*) filter (where r.nps >= 9), count(*) filter (where r.nps <= 6), count(r.csat),"
                + " count(*) filter (where r.csat >= 4), count(r.ces), coalesce(sum(r.ces), 0)"
                + " from survey_response r"
                + ("segment".equals(groupBy) ? " cross join unnest(r.segment_ids) g(segment)" : "")
                + " where r.status = 'completed' and r.submitted_at >= " + params.bind(range.from())
                + " and r.submitted_at < " + params.bind(range.to()) + " and "
                + Caller.scopeCondition(scope, "r.partner_scope", params)
                + (range.surveyId() == null ? "" : " and r.survey_id = " + params.bind(range.surveyId()))
                + (range.touchpoint() == null ? "" : " and r.touchpoint = " + params.bind(range.touchpoint()))
                + " group by 1, 2";
        return statements.list(
                sql,
                params.tuple(),
                row -> new Row(
                        row.getOffsetDateTime(0),
                        row.getString(1),
                        new SurveyScores.Counts(
                                row.getLong(2),
                                row.getLong(3),
                                0,
                                row.getLong(4),
                                row.getLong(5),
                                row.getLong(6),
                                row.getLong(7),
                                row.getLong(8),
                                row.getLong(9),
                                row.getLong(10))));
    }

    /** Personal links delivered (not suppressed) per period and group; none when grouped by segment. */
    Uni<List<Row>> delivered(Range range, String groupBy, String scope) {
        if ("segment".equals(groupBy)) {
            return Uni.createFrom().item(List.of());
        }
        SqlParams params = new SqlParams();
        String interval = params.bind(range.interval());
        String group = groupBy == null ? "cast(null as text)" : GROUPS.get(groupBy)[1];
        String sql = "select date_trunc(" + interval + ", d.created_at, 'UTC'), " + group + ", count(*)"
                + " from survey_distribution d where d.status <> 'suppressed' and d.customer_id is not null"
                + " and d.created_at >= " + params.bind(range.from()) + " and d.created_at < "
                + params.bind(range.to()) + " and " + Caller.scopeCondition(scope, "d.partner_scope", params)
                + (range.surveyId() == null ? "" : " and d.survey_id = " + params.bind(range.surveyId()))
                + (range.touchpoint() == null ? "" : " and d.touchpoint = " + params.bind(range.touchpoint()))
                + " group by 1, 2";
        return statements.list(
                sql,
                params.tuple(),
                row -> new Row(
                        row.getOffsetDateTime(0),
                        row.getString(1),
                        new SurveyScores.Counts(0, 0, row.getLong(2), 0, 0, 0, 0, 0, 0, 0)));
    }
}
