package dev.rapport.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An event as the log keeps it: its place in the log, its id and type, the record it is about, its payload as the
 * JSON text that was appended, when it happened, the partner owning that record (null for in-house records), and
 * the trigger run whose action made the change (null for changes no automation made).
 */
public record StoredEvent(
        LogPosition position,
        UUID id,
        String type,
        String subjectType,
        UUID subjectId,
        String payload,
        OffsetDateTime occurredAt,
        String partnerId,
        UUID causedBy) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The customer the event concerns: its subject when that is a customer, else the {@code customerId} its data
     * carries (the events of other domains: a segment's change, a ticket's); null when there is none.
     */
    public UUID customerId() {
        if ("customer".equals(subjectType)) {
            return subjectId;
        }
        if (!payload.contains("\"customerId\"")) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(payload).get("customerId");
            return id != null && id.isTextual() ? UUID.fromString(id.textValue()) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
