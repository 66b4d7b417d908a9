package dev.rapport.event;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the event log in commit-safe order, with pooled statements: for the change feed and for consumers. */
@ApplicationScoped
class EventQueries {

    /**
     * The columns {@link #toEvent} maps, of an event aliased {@code e}. The text of {@code xact_id} must not be named
     * {@code xact_id}: ORDER BY takes an output column's name before an input column's, and sorting xids as text
     * puts 10 before 9 (and sorts every later event instead of walking the index).
     */
    private static final String COLUMNS = """
            cast(e.xact_id as text) as xid, e.seq, e.id, e.type, e.subject_type, e.subject_id,
            cast(e.payload as text), e.occurred_at, e.partner_id, e.caused_by""";

    private final PooledStatements statements;

    EventQueries(PooledStatements statements) {
        this.statements = statements;
    }

    /**
     * Events after {@code position}, in log order, limited to those whose transaction has ended.
     *
     * <p>Sequence numbers are taken at insert, but transactions commit in any order, so no reader can tell from a
     * sequence number alone whether a lower one may still commit. The log is therefore read in the order of the
     * writing transaction's id, then sequence number, and only up to the oldest transaction still running
     * ({@code pg_snapshot_xmin}): every transaction with a lower id has ended, so the events up to there are final,
     * and nothing can later appear before a position a reader has passed.
     *
     * @param typePatterns SQL LIKE patterns of event types, or empty for all
     * @param partnerId only events about this partner's records, or null for all
     */
    Uni<List<StoredEvent>> after(LogPosition position, List<String> typePatterns, String partnerId, int limit) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("select ")
                .append(COLUMNS)
                .append(" from event e where (xact_id, seq) > (cast(")
                .append(params.bind(Long.toString(position.xactId())))
                .append(" as xid8), ")
                .append(params.bind(position.seq()))
                .append(')')
                .append(" and xact_id < pg_snapshot_xmin(pg_current_snapshot())");
        if (!typePatterns.isEmpty()) {
            sql.append(" and (");
            for (int i = 0; i < typePatterns.size(); i++) {
                sql.append(i == 0 ? "" : " or ").append("type like ").append(params.bind(typePatterns.get(i)));
            }
            sql.append(')');
        }
        if (partnerId != null) {
            sql.append(" and partner_id = ").append(params.bind(partnerId));
        }
        sql.append(" order by xact_id, seq limit ").append(limit);
        return statements.list(sql.toString(), params.tuple(), EventQueries::toEvent);
    }

    /** One event by id, of {@code partnerId}'s records (null: any), or null. */
    Uni<StoredEvent> find(UUID id, String partnerId) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from event e where e.id = " + params.bind(id)
                + (partnerId == null ? "" : " and e.partner_id = " + params.bind(partnerId));
        return statements
                .list(sql, params.tuple(), EventQueries::toEvent)
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /**
     * What a consumer of the log reads in one go: the next events (as {@link #after} returns them) and whether
     * committed events beyond them are held back because an older transaction is still running. That transaction
     * may append no event and so wake nobody when it ends: the consumer must look again soon.
     */
    record ConsumerBatch(List<StoredEvent> events, boolean heldBack) {}

    /**
     * The next events after {@code position} for a consumer, in one statement. Every position a reader holds lies
     * below the oldest running transaction of any later snapshot, so a committed event from that transaction on is
     * one held back. The consumer's own transaction must not have an id yet (it takes advisory locks, not row locks,
     * before this), or this read would stop before it. (Both parts are written as index walks with ORDER BY and
     * LIMIT: as EXISTS, PostgreSQL's generic plan scanned the whole table to find nothing.)
     */
    Uni<ConsumerBatch> next(LogPosition position, int limit) {
        return statements
                .list(
                        "select " + COLUMNS + ", h.held " + """
                from (select (select true from event where xact_id >= pg_snapshot_xmin(pg_current_snapshot())
                              order by xact_id limit 1) as held) h
                left join lateral (select * from event
                                   where (xact_id, seq) > (cast($1 as xid8), $2)
                                     and xact_id < pg_snapshot_xmin(pg_current_snapshot())
                                   order by xact_id, seq limit $3) e on true
                order by e.xact_id, e.seq
                """,
                        Tuple.of(Long.toString(position.xactId()), position.seq(), limit),
                        row -> row)
                .map(rows -> new ConsumerBatch(
                        rows.stream()
                                .filter(row -> row.getValue(0) != null)
                                .map(EventQueries::toEvent)
                                .toList(),
                        !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0).getBoolean("held"))));
    }

    /**
     * The position of a reader that has seen every event up to sequence number {@code seq} in sequence order (the
     * order of change-feed cursors issued before the log was read in transaction order). It lies before every
     * event above {@code seq}, so nothing is skipped; events at or below it with a later transaction are read
     * again, which at-least-once readers absorb by event id.
     */
    Uni<LogPosition> positionBeforeSeq(long seq) {
        return statements
                .list("""
                select cast(least(pg_snapshot_xmin(pg_current_snapshot()),
                                  (select xact_id from event where seq > $1 order by xact_id limit 1)) as text)
                """, Tuple.of(seq), row -> new LogPosition(Long.parseLong(row.getString(0)), 0))
                .map(rows -> rows.get(0));
    }

    private static StoredEvent toEvent(Row row) {
        return new StoredEvent(
                new LogPosition(Long.parseLong(row.getString(0)), row.getLong(1)),
                row.getUUID(2),
                row.getString(3),
                row.getString(4),
                row.getUUID(5),
                row.getString(6),
                row.getOffsetDateTime(7),
                row.getString(8),
                row.getUUID(9));
    }
}
