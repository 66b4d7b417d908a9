package dev.rapport.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.db.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Appends domain events to the {@code event} table. Callers run inside the transaction of the change they
 * describe, so an event exists if and only if its change committed.
 */
@ApplicationScoped
public class EventLog {

    private static final String INSERT = """
            insert into event (id, type, subject_type, subject_id, payload, actor)
            values (:id, :type, :subjectType, :subjectId, cast(cast(:payload as text) as jsonb), :actor)
            """;

    private final ObjectMapper json;
    private final SecurityIdentity identity;

    EventLog(ObjectMapper json, SecurityIdentity identity) {
        this.json = json;
        this.identity = identity;
    }

    /**
     * Appends one event in the current transaction.
     *
     * @param type the event type, for example {@code customer.created}
     * @param subjectType the kind of record the event is about, for example {@code customer}
     * @param subjectId the id of that record
     * @param data the event payload, serialized as JSON exactly as the API would show it
     */
    public Uni<UUID> append(String type, String subjectType, UUID subjectId, Object data) {
        UUID id = Ids.newId();
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> insert(session, id, type, subjectType, subjectId, payload))
                .replaceWith(id);
    }

    private Uni<Integer> insert(Mutiny.Session session, UUID id, String type, String subjectType, UUID subjectId,
            String payload) {
        return session.createNativeQuery(INSERT)
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("subjectType", subjectType)
                .setParameter("subjectId", subjectId)
                .setParameter("payload", payload)
                .setParameter("actor", actor())
                .executeUpdate();
    }

    private String actor() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
