package dev.rapport.segment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.event.EventLog;
import dev.rapport.segment.api.SegmentReason;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Changes of membership, applied in the current transaction with their history, member counts and
 * {@code segment.entered} / {@code segment.exited} events: what the engine decided for customers after their
 * changes, and what the API did to a static list. Each change must be real (an entering customer is no member yet),
 * which the callers know because they decide under a lock: the engine's cursor, or the static segment's row.
 */
@ApplicationScoped
class SegmentMembership {

    /**
     * One customer entering or leaving one segment, why, and the trigger run behind the change that caused it (null
     * for none, or for the current transaction's); the statements read it as JSON, payload included.
     */
    @RegisterForReflection
    record Change(
            UUID segmentId,
            String segmentName,
            int ruleVersion,
            String partnerId,
            UUID customerId,
            String change,
            SegmentReason reason,
            UUID causedBy) {

        static final String ENTERED = "entered";
        static final String EXITED = "exited";

        @JsonProperty("payload")
        SegmentEvent.MembershipChanged payload() {
            return new SegmentEvent.MembershipChanged(segmentId, segmentName, ruleVersion, customerId, change, reason);
        }
    }

    private static final String APPLY = """
            with x as (
                select * from jsonb_to_recordset(cast(cast(:changes as text) as jsonb))
                    as x("segmentId" uuid, "customerId" uuid, change text, "ruleVersion" int, reason jsonb)
                where exists (select 1 from segment s where s.id = x."segmentId")
            ),
            added as (
                insert into segment_member (segment_id, customer_id, since)
                select "segmentId", "customerId", :now from x where change = 'entered'
                on conflict do nothing
                returning segment_id
            ),
            removed as (
                delete from segment_member m using x
                where x.change = 'exited' and m.segment_id = x."segmentId" and m.customer_id = x."customerId"
                returning m.segment_id
            ),
            logged as (
                insert into segment_change (id, segment_id, customer_id, change, rule_version, reason, occurred_at)
                select gen_random_uuid(), "segmentId", "customerId", change, "ruleVersion", reason, :now from x
            )
            update segment s set member_count = s.member_count + d.delta
            from (select segment_id, sum(delta) as delta
                  from (select segment_id, 1 as delta from added
                        union all select segment_id, -1 from removed) t
                  group by segment_id) d
            where s.id = d.segment_id
            """;

    private static final String EVENTS = """
            select 'segment.' || x.change as type, 'segment' as subject_type, x."segmentId" as subject_id,
                   x."partnerId" as partner_id, x.payload, x."causedBy" as caused_by
            from jsonb_to_recordset(cast(cast(:changes as text) as jsonb))
                as x(change text, "segmentId" uuid, "partnerId" text, payload jsonb, "causedBy" uuid)
            where exists (select 1 from segment s where s.id = x."segmentId")
            """;

    private final ObjectMapper json;
    private final EventLog events;

    SegmentMembership(ObjectMapper json, EventLog events) {
        this.json = json;
        this.events = events;
    }

    /** Applies {@code changes} at {@code now}, in the current transaction. */
    Uni<Void> apply(List<Change> changes, OffsetDateTime now) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String rows;
        try {
            rows = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        UUID[] segments = changes.stream().map(Change::segmentId).distinct().toArray(UUID[]::new);
        // A key-share lock on each segment row, as a foreign key would take: a segment deleted meanwhile is gone
        // before this statement looks (and its changes are dropped), or waits until this transaction ends.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(id as text) from segment where id = any(:ids) order by id for key share",
                                String.class)
                        .setParameter("ids", segments)
                        .getResultList()
                        .replaceWith(session))
                .chain(session -> session.createNativeQuery(APPLY)
                        .setParameter("changes", rows)
                        .setParameter("now", now)
                        .executeUpdate())
                .chain(() -> events.appendSelected(EVENTS, Map.of("changes", rows)))
                .replaceWithVoid();
    }
}
