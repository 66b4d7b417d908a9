package dev.rapport.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.db.ReadSessions;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.db.SqlValues;
import io.smallrye.mutiny.Uni;

/** Reads the event log in commit-safe order. */
@ApplicationScoped
public class EventRepository {

    /** An event row as the feed and the consumers read it. */
    public record StoredEvent(long seq, UUID id, String type, String subjectType, UUID subjectId, String payload,
            OffsetDateTime occurredAt, String partnerId) {
    }

    private final ReadSessions reads;

    EventRepository(ReadSessions reads) {
        this.reads = reads;
    }

    /**
     * Events after {@code afterSeq}, in sequence order, limited to those no running transaction can still precede.
     *
     * <p>Sequence numbers are taken at insert, but transactions commit in any order: an event with a lower number
     * may become visible after one with a higher number. Only events whose transaction is older than the oldest
     * transaction still running ({@code pg_snapshot_xmin}) are returned, so a reader that has seen number n never
     * later finds a committed event below n.
     *
     * @param typePatterns SQL LIKE patterns of event types, or empty for all
     * @param partnerId only events about this partner's records, or null for all
     */
    public Uni<List<StoredEvent>> after(long afterSeq, List<String> typePatterns, String partnerId, int limit) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("""
                select seq, id, type, subject_type, subject_id, cast(payload as text), occurred_at, partner_id
                from event
                where seq > """).append(params.bind(afterSeq))
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
        sql.append(" order by seq limit ").append(limit);
        return reads.read(session -> {
            var query = session.createNativeQuery(sql.toString(), Object[].class);
            params.values().forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(EventRepository::toEvent).toList());
    }

    /** The highest sequence number of a committed event, whether or not {@link #after} would return it yet. */
    public Uni<Long> newestSeq() {
        return reads.read(session -> session.createNativeQuery("select coalesce(max(seq), 0) from event", Long.class)
                .getSingleResult());
    }

    private static StoredEvent toEvent(Object[] row) {
        return new StoredEvent(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (String) row[3],
                (UUID) row[4], (String) row[5], SqlValues.timestamp(row[6]), (String) row[7]);
    }

}
