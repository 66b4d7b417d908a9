package dev.rapport.event;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.db.Ids;
import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Appends domain events to the {@code event} table, and the matching entry to the audit log. Callers run inside
 * the transaction of the change they describe, so an event and its audit entry exist if and only if the change
 * committed; every write goes through here, so every write is audited.
 */
@ApplicationScoped
public class EventLog {

    /** The event and its audit entry, in one round trip. */
    private static final String INSERT = """
            with appended as (
                insert into event (id, type, subject_type, subject_id, payload, actor, partner_id)
                values (:id, :type, :subjectType, :subjectId, cast(cast(:payload as text) as jsonb), :actor,
                        :ownerPartnerId)
                returning occurred_at
            )
            insert into audit_entry (id, occurred_at, actor, client_id, partner_id, request_id, action,
                                     resource_type, resource_id, changed_fields)
            select :id, occurred_at, :actor, :clientId, :partnerId, :requestId, :type, :subjectType, :subjectId,
                   string_to_array(:changedFields, E'\\n')
            from appended
            """;

    private final ObjectMapper json;
    private final Caller caller;
    private final EventNotifications notifications;

    EventLog(ObjectMapper json, Caller caller, EventNotifications notifications) {
        this.json = json;
        this.caller = caller;
        this.notifications = notifications;
    }

    /**
     * Appends one event in the current transaction.
     *
     * @param type the event type, for example {@code customer.created}
     * @param subjectType the kind of record the event is about, for example {@code customer}
     * @param subjectId the id of that record
     * @param ownerPartnerId the partner owning that record (who may read the event), null for in-house records
     * @param data the event payload, serialized as JSON exactly as the API would show it
     */
    public Uni<UUID> append(String type, String subjectType, UUID subjectId, String ownerPartnerId, Object data) {
        UUID id = Ids.newId();
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        List<String> changed = data instanceof ChangeSummary summary ? summary.changedFields() : List.of();
        notifications.appended();
        return Panache.getSession()
                .chain(session -> insert(session, id, type, subjectType, subjectId, ownerPartnerId, payload, changed))
                .replaceWith(id);
    }

    /** Events of one change to append together when it is done ({@link PendingEvents}). */
    public PendingEvents pending() {
        return new PendingEvents(this);
    }

    /**
     * Appends, in the current transaction, one event per row of {@code select}, which yields the columns
     * {@code type, subject_type, subject_id, partner_id, payload, caused_by} (payload as jsonb; caused_by the trigger
     * run behind the change, or null for the transaction's own, see {@code current_cause()}) from the named
     * {@code parameters}: the events of a change computed in SQL over many records at once (segment membership,
     * trigger firings).
     * These are changes the service derives, not actions of a caller, so they have no audit entries; the actor is
     * recorded on each event.
     *
     * @return how many events were appended
     */
    public Uni<Integer> appendSelected(String select, Map<String, Object> parameters) {
        notifications.appended();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("""
                    insert into event (id, type, subject_type, subject_id, payload, actor, partner_id, caused_by)
                    select gen_random_uuid(), s.type, s.subject_type, s.subject_id, s.payload, :eventActor,
                           s.partner_id, coalesce(s.caused_by, current_cause())
                    from (%s) s
                    """.formatted(select));
            query.setParameter("eventActor", caller.name());
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }

    private Uni<Integer> insert(
            Mutiny.Session session,
            UUID id,
            String type,
            String subjectType,
            UUID subjectId,
            String ownerPartnerId,
            String payload,
            List<String> changedFields) {
        Object requestId = MDC.get("requestId");
        return session.createNativeQuery(INSERT)
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("subjectType", subjectType)
                .setParameter("subjectId", subjectId)
                .setParameter("payload", payload)
                .setParameter("actor", caller.name())
                .setParameter("ownerPartnerId", ownerPartnerId)
                .setParameter("clientId", caller.clientId().orElse(null))
                .setParameter("partnerId", caller.partnerId().orElse(null))
                .setParameter("requestId", requestId == null ? null : requestId.toString())
                .setParameter("changedFields", String.join("\n", changedFields))
                .executeUpdate();
    }
}
