package dev.rapport.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.platform.db.Ids;
import dev.rapport.platform.time.Clocks;
import dev.rapport.webhook.api.WebhookDeliveryView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The delivery queue in SQL: fan-out of events, claims by senders, results, the delivery log and replays. */
@ApplicationScoped
public class WebhookDeliveries {

    private final ObjectMapper json;
    private final Clock clock;

    WebhookDeliveries(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** An event to fan out, with the exact envelope every endpoint will receive. */
    public record Outgoing(UUID eventId, String type, OffsetDateTime createdAt, String partnerId, String envelope) {}

    /**
     * Queues a batch of events, in one statement, for every enabled endpoint whose patterns match each event's
     * type, that may see it (in-house endpoints see all events, a partner's endpoint those of its records) and that
     * existed when it happened. The envelope's data is the event's stored payload as it is now: an erasure that
     * redacted it after the batch was read (and which holds off new deliveries while it runs, see
     * {@code privacy/RecordedCopies}) leaves no copy of what it removed.
     */
    public Uni<Integer> enqueue(List<Outgoing> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String batch;
        try {
            batch = json.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                with o as (
                    select b."eventId", b.type, b."createdAt", b."partnerId",
                        coalesce((select cast(jsonb_set(cast(b.envelope as jsonb), '{data}', ev.payload) as text)
                                  from event ev
                                  where ev.id = b."eventId" and ev.payload <> cast(b.envelope as jsonb) -> 'data'),
                                 b.envelope) as envelope
                    from jsonb_to_recordset(cast(cast(:batch as text) as jsonb))
                         as b("eventId" uuid, type text, "createdAt" timestamptz, "partnerId" text, envelope text))
                insert into webhook_delivery (id, endpoint_id, event_id, event_type, payload, next_attempt_at)
                select gen_random_uuid(), e.id, o."eventId", o.type, o.envelope, now()
                from o
                join webhook_endpoint e
                  on e.enabled and e.created_at <= o."createdAt"
                 and (e.partner_id is null or e.partner_id = o."partnerId")
                 and exists (select 1 from unnest(e.event_types) p
                             where o.type like replace(replace(p, '_', '\\_'), '*', '%'))
                on conflict on constraint webhook_delivery_once do nothing
                """)
                        .setParameter("batch", batch)
                        .executeUpdate());
    }

    /** Queues the sample event of "send test event" for one endpoint. */
    public Uni<WebhookDeliveryView> enqueueTest(UUID endpointId) {
        UUID eventId = Ids.newId();
        OffsetDateTime now = Clocks.now(clock);
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", eventId.toString());
        envelope.put("type", WebhookEvent.TEST);
        envelope.put("createdAt", now.toString());
        envelope.putObject("data").put("message", "This is a test event from Rapport");
        UUID id = Ids.newId();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                insert into webhook_delivery (id, endpoint_id, event_id, event_type, payload, next_attempt_at)
                values (:id, :endpointId, :eventId, :type, :payload, now())
                """)
                        .setParameter("id", id)
                        .setParameter("endpointId", endpointId)
                        .setParameter("eventId", eventId)
                        .setParameter("type", WebhookEvent.TEST)
                        .setParameter("payload", envelope.toString())
                        .executeUpdate())
                .replaceWith(new WebhookDeliveryView(
                        id, endpointId, eventId, WebhookEvent.TEST, "pending", 0, now, null, List.of()));
    }

    /** Makes deliveries due again with a fresh retry schedule; their webhook-id stays the same. */
    public Uni<Integer> replay(UUID endpointId, UUID deliveryId, OffsetDateTime from, OffsetDateTime to) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                update webhook_delivery set status = 'pending', attempt_count = 0, next_attempt_at = now()
                where endpoint_id = :endpointId
                  and (cast(:deliveryId as uuid) is null or id = cast(:deliveryId as uuid))
                  and (cast(:from as timestamptz) is null or created_at >= cast(:from as timestamptz))
                  and (cast(:to as timestamptz) is null or created_at < cast(:to as timestamptz))
                """)
                        .setParameter("endpointId", endpointId)
                        .setParameter("deliveryId", deliveryId)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .executeUpdate());
    }

    /** Removes an endpoint's deliveries (and, by cascade, their attempts) before the endpoint itself goes. */
    public Uni<Integer> deleteAll(UUID endpointId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from webhook_delivery where endpoint_id = :id")
                        .setParameter("id", endpointId)
                        .executeUpdate());
    }

    /** The JSON envelope of an event, {id, type, createdAt, data}: the exact bytes that will be signed and sent. */
    public String envelope(UUID id, String type, OffsetDateTime createdAt, String data) {
        try {
            ObjectNode envelope = json.createObjectNode();
            envelope.put("id", id.toString());
            envelope.put("type", type);
            envelope.put("createdAt", createdAt.toString());
            envelope.set("data", json.readTree(data));
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable event payload " + id, e);
        }
    }
}
