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
 * The counts survey figures are made of, per UTC period and group: from the hourly figures ({@code survey_figure}),
 * or, by segment, from the completed responses.
 */
@ApplicationScoped
class SurveyMetricsQueries {

    /** What each groupBy but segment groups the hourly figures by ({@link #bySegment} reads the responses). */
    static final Map<String, String> GROUPS =
            Map.of("survey", "cast(f.survey_id as text)", "touchpoint", "f.touchpoint", "channel", "f.channel");

    static final String SEGMENT = "segment";

    private final PooledStatements statements;

    SurveyMetricsQueries(PooledStatements statements) {
        this.statements = statements;
    }

    /** The counts of one period and group. */
    record Row(OffsetDateTime period, String group, SurveyScores.Counts counts) {}

    /** What the figures cover: a range, and optionally one survey and one touchpoint. */
    record Range(OffsetDateTime from, OffsetDateTime to, String interval, UUID surveyId, String touchpoint) {}

    /** The counts per period (and group but segment) from the hourly figures: links delivered and responses. */
    Uni<List<Row>> figures(Range range, String groupBy, String scope) {
        SqlParams params = new SqlParams();
        String interval = params.bind(range.interval());
        String group = groupBy == null ? "cast(null as text)" : GROUPS.get(groupBy);
        String sql = "select date_trunc(" + interval + ", f.hour, 'UTC'), " + group + ", sum(f.responses),"
                + " sum(f.answered_links), sum(f.delivered), sum(f.nps_responses), sum(f.promoters), sum(f.detractors),"
                + " sum(f.csat_responses), sum(f.satisfied), sum(f.ces_responses), sum(f.ces_sum)"
                + " from survey_figure f where f.hour >= " + params.bind(range.from()) + " and f.hour < "
                + params.bind(range.to()) + " and " + Caller.scopeCondition(scope, "f.partner_scope", params)
                + (range.surveyId() == null ? "" : " and f.survey_id = " + params.bind(range.surveyId()))
                + (range.touchpoint() == null ? "" : " and f.touchpoint = " + params.bind(range.touchpoint()))
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
                                row.getLong(4),
                                row.getLong(5),
                                row.getLong(6),
                                row.getLong(7),
                                row.getLong(8),
                                row.getLong(9),
                                row.getLong(10),
                                row.getLong(11))));
    }

    /**
     * The counts per period and segment from the completed responses: a response counts in each segment its
     * respondent was in when it was followed up.
     */
    Uni<List<Row>> bySegment(Range range, String scope) {
        SqlParams params = new SqlParams();
        String interval = params.bind(range.interval());
        String sql = "select date_trunc(" + interval + ", r.submitted_at, 'UTC'), cast(g.segment as text), count(*),"
                + " count(*) filter (where r.customer_id is not null), count(r.nps),"
                + " count(*) filter (where r.nps >= 9), count(*) filter (where r.nps <= 6), count(r.csat),"
                + " count(*) filter (where r.csat >= 4), count(r.ces), coalesce(sum(r.ces), 0)"
                + " from survey_response r cross join unnest(r.segment_ids) g(segment)"
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
}
