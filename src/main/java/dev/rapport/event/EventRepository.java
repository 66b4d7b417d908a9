package dev.rapport.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.rapport.platform.db.ReadSessions;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.db.SqlValues;
import io.smallrye.mutiny.Uni;

/** Reads the event log in commit-safe order. */
@ApplicationScoped
public class EventRepository {

    /** An event row as the feed and the consumers read it. */
    public record StoredEvent(LogPosition position, UUID id, String type, String subjectType, UUID subjectId,
            String payload, OffsetDateTime occurredAt, String partnerId) {
    }

    /**
     * The columns {@link #toEvent} maps, of an event aliased {@code e}. The text of {@code xact_id} must not be named
     * {@code xact_id}: ORDER BY takes an output column's name before an input column's, and sorting xids as text
     * puts 10 before 9 (and sorts every later event instead of walking the index).
     */
    private static final String COLUMNS = """
            cast(e.xact_id as text) as xid, e.seq, e.id, e.type, e.subject_type, e.subject_id,
            cast(e.payload as text), e.occurred_at, e.partner_id""";

    private final ReadSessions reads;

    EventRepository(ReadSessions reads) {
        this.reads = reads;
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
    public Uni<List<StoredEvent>> after(LogPosition position, List<String> typePatterns, String partnerId,
            int limit) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
                .append(" from event e where (xact_id, seq) > (").append(xid(params, position)).append(", ")
                .append(params.bind(position.seq())).append(')')
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
        return reads.read(session -> {
            var query = session.createNativeQuery(sql.toString(), Object[].class);
            params.values().forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(EventRepository::toEvent).toList());
    }

    /**
     * What a consumer of the log reads in one go: the next events (as {@link #after} returns them) and whether
     * committed events beyond them are held back because an older transaction is still running. That transaction
     * may append no event and so wake nobody when it ends: the consumer must look again soon.
     */
    public record ConsumerBatch(List<StoredEvent> events, boolean heldBack) {
    }

    /**
     * The next events after {@code position} for a consumer, in one statement on the consumer's own session. Its
     * transaction must not have an id yet (take advisory locks, not row locks, before this), or the read stops
     * before it. Every position a reader holds lies below the oldest running transaction of any later snapshot, so
     * a committed event from that transaction on is one held back. (Both parts are written as index walks with
     * ORDER BY and LIMIT: as EXISTS, PostgreSQL's generic plan scanned the whole table to find nothing.)
     */
    public Uni<ConsumerBatch> next(Mutiny.Session session, LogPosition position, int limit) {
        return session.createNativeQuery("select " + COLUMNS + ", h.held " + """
                from (select (select true from event where xact_id >= pg_snapshot_xmin(pg_current_snapshot())
                              order by xact_id limit 1) as held) h
                left join lateral (select * from event
                                   where (xact_id, seq) > (cast(:xid as xid8), :seq)
                                     and xact_id < pg_snapshot_xmin(pg_current_snapshot())
                                   order by xact_id, seq limit :limit) e on true
                order by e.xact_id, e.seq
                """, Object[].class)
                .setParameter("xid", Long.toString(position.xactId()))
                .setParameter("seq", position.seq())
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> new ConsumerBatch(
                        rows.stream().filter(row -> row[0] != null).map(EventRepository::toEvent).toList(),
                        !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0)[9])));
    }

    /**
     * The position of a reader that has seen every event up to sequence number {@code seq} in sequence order (the
     * order of change-feed cursors issued before the log was read in transaction order). It lies before every
     * event above {@code seq}, so nothing is skipped; events at or below it with a later transaction are read
     * again, which at-least-once readers absorb by event id.
     */
    public Uni<LogPosition> positionBeforeSeq(long seq) {
        return reads.read(session -> session.createNativeQuery("""
                select cast(least(pg_snapshot_xmin(pg_current_snapshot()),
                                  (select xact_id from event where seq > :seq order by xact_id limit 1)) as text)
                """, String.class).setParameter("seq", seq).getSingleResult())
                .map(xid -> new LogPosition(Long.parseLong(xid), 0));
    }

    /** A transaction id as SQL: {@code xid8} has no cast from bigint, so it is bound as text. */
    private static String xid(SqlParams params, LogPosition position) {
        return "cast(" + params.bind(Long.toString(position.xactId())) + " as xid8)";
    }

    private static StoredEvent toEvent(Object[] row) {
        return new StoredEvent(new LogPosition(Long.parseLong((String) row[0]), ((Number) row[1]).longValue()),
                (UUID) row[2], (String) row[3], (String) row[4], (UUID) row[5], (String) row[6],
                SqlValues.timestamp(row[7]), (String) row[8]);
    }

}
