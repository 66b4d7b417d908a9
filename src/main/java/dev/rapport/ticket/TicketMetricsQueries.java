package dev.rapport.ticket;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The SQL of the ticket metrics, over the stored history: one statement for what happened to tickets in the range
 * (created, solved, first answered), one for the backlog (the open tickets now, less the status changes since the
 * range's start), one for the SLA targets decided in the range. Periods are {@code date_trunc} in UTC.
 */
@ApplicationScoped
class TicketMetricsQueries {

    /** The SQL of each group a figure can be cut by. */
    static final Map<String, String> GROUPS = Map.of(
            "priority", "t.priority",
            "channel", "t.channel",
            "team", "t.team",
            "assignee", "t.assignee_id");

    /** Figures of tickets by kind (created, solved, responded), period and group; a null period is the total. */
    record Activity(
            String kind,
            OffsetDateTime period,
            String group,
            long count,
            Double ttr,
            Double ttrBusiness,
            Double medianResolution,
            Double p90Resolution,
            Double meanFirstResponse,
            Double medianFirstResponse,
            Double reopenRate) {}

    /**
     * Open tickets by group: {@code open} now, the {@code change} of their count by period of the range, and the
     * change {@code after} the range (a null period for both of those).
     */
    record BacklogChange(String kind, OffsetDateTime period, String group, long change) {}

    /** SLA targets decided by period (null: the total), group and metric, and how many were met. */
    record Attainment(OffsetDateTime period, String group, String metric, long met, long decided) {}

    private final PooledStatements statements;

    TicketMetricsQueries(PooledStatements statements) {
        this.statements = statements;
    }

    Uni<List<Activity>> activity(
            OffsetDateTime from, OffsetDateTime to, String interval, String groupBy, String scope) {
        SqlParams params = new SqlParams();
        String f = params.bind(from);
        String t = params.bind(to);
        String i = params.bind(interval);
        String group = group(groupBy);
        String restrict = Caller.scopeCondition(scope, "t.partner_id", params);
        String columns =
                "t.resolution_seconds, t.resolution_business_seconds, t.first_response_seconds, t.reopen_count, "
                        + group + " as g";
        String sql = "with e as ("
                + " select 'created' as kind, t.created_at as at, " + columns + " from ticket t"
                + " where t.created_at >= " + f + " and t.created_at < " + t + " and " + restrict
                + " union all select 'solved', t.solved_at, " + columns + " from ticket t"
                + " where t.solved_at >= " + f + " and t.solved_at < " + t + " and " + restrict
                + " union all select 'responded', t.first_response_at, " + columns + " from ticket t"
                + " where t.first_response_at >= " + f + " and t.first_response_at < " + t + " and " + restrict
                + "), b as (select e.*, " + period("e.at", i) + " as period from e)"
                + " select kind, period, g, count(*),"
                + " cast(avg(resolution_seconds) as float8), cast(avg(resolution_business_seconds) as float8),"
                + " percentile_cont(0.5) within group (order by resolution_seconds),"
                + " percentile_cont(0.9) within group (order by resolution_seconds),"
                + " cast(avg(first_response_seconds) as float8),"
                + " percentile_cont(0.5) within group (order by first_response_seconds),"
                + " cast(avg(case when reopen_count > 0 then 1 else 0 end) as float8)"
                + " from b group by grouping sets ((kind, period, g), (kind, g))";
        return statements.list(sql, params.tuple(), TicketMetricsQueries::activity);
    }

    /** The open tickets now by group, and the changes of their number since {@code from}, by period of the range. */
    Uni<List<BacklogChange>> backlog(
            OffsetDateTime from, OffsetDateTime to, String interval, String groupBy, String scope) {
        SqlParams params = new SqlParams();
        String f = params.bind(from);
        String t = params.bind(to);
        String i = params.bind(interval);
        String group = group(groupBy);
        String restrict = Caller.scopeCondition(scope, "t.partner_id", params);
        String sql = "select 'open', cast(null as timestamptz), " + group + ", count(*) from ticket t"
                + " where t.status not in ('solved', 'closed') and " + restrict + " group by 3"
                + " union all select case when sc.changed_at >= " + t + " then 'after' else 'change' end,"
                + " case when sc.changed_at >= " + t + " then null else " + period("sc.changed_at", i) + " end, "
                + group + ", sum(case"
                + " when sc.from_status is null then case when sc.to_status in ('solved', 'closed') then 0 else 1 end"
                + " when sc.from_status not in ('solved', 'closed') and sc.to_status in ('solved', 'closed') then -1"
                + " when sc.from_status in ('solved', 'closed') and sc.to_status not in ('solved', 'closed') then 1"
                + " else 0 end)"
                + " from ticket_status_change sc"
                + (groupBy == null && scope == null
                        ? " where"
                        : " join ticket t on t.id = sc.ticket_id where " + restrict + " and")
                + " sc.changed_at >= " + f + " group by 1, 2, 3";
        return statements.list(
                sql,
                params.tuple(),
                row -> new BacklogChange(row.getString(0), row.getOffsetDateTime(1), row.getString(2), row.getLong(3)));
    }

    Uni<List<Attainment>> attainment(
            OffsetDateTime from, OffsetDateTime to, String interval, String groupBy, String scope) {
        SqlParams params = new SqlParams();
        String f = params.bind(from);
        String t = params.bind(to);
        String i = params.bind(interval);
        String group = group(groupBy);
        String sql = "with d as (select " + period("c.decided_at", i) + " as period, " + group
                + " as g, c.metric, c.state from ticket_sla_clock c"
                + (groupBy == null ? "" : " join ticket t on t.id = c.ticket_id")
                + " where c.decided_at >= " + f + " and c.decided_at < " + t + " and "
                + Caller.scopeCondition(scope, "c.partner_id", params) + ")"
                + " select period, g, metric, count(*) filter (where state = 'achieved'), count(*) from d"
                + " group by grouping sets ((period, g, metric), (g, metric))";
        return statements.list(
                sql,
                params.tuple(),
                row -> new Attainment(
                        row.getOffsetDateTime(0), row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)));
    }

    private static String group(String groupBy) {
        return groupBy == null ? "cast(null as text)" : GROUPS.get(groupBy);
    }

    /** The start of the UTC period of {@code at}. */
    private static String period(String at, String interval) {
        return "(date_trunc(cast(" + interval + " as text), " + at + " at time zone 'UTC') at time zone 'UTC')";
    }

    private static Activity activity(Row row) {
        return new Activity(
                row.getString(0),
                row.getOffsetDateTime(1),
                row.getString(2),
                row.getLong(3),
                row.getDouble(4),
                row.getDouble(5),
                row.getDouble(6),
                row.getDouble(7),
                row.getDouble(8),
                row.getDouble(9),
                row.getDouble(10));
    }
}
