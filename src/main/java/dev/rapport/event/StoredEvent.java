package dev.rapport.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event as the log keeps it: its place in the log, its id and type, the record it is about, its payload as the
 * JSON text that was appended, when it happened, and the partner owning that record (null for in-house records).
 */
public record StoredEvent(
        LogPosition position,
        UUID id,
        String type,
        String subjectType,
        UUID subjectId,
        String payload,
        OffsetDateTime occurredAt,
        String partnerId) {}
