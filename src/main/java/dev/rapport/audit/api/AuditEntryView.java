package dev.rapport.audit.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry", description = "One write: who made it, through which client, on what, and when")
public record AuditEntryView(
        @Schema(description = "Entry id") UUID id,

        @Schema(description = "When the write committed its transaction's changes")
        OffsetDateTime occurredAt,

        @Schema(description = "User name or subject of the caller", examples = "alice.agent")
        String actor,

        @Schema(description = "OAuth client the caller's token was issued to", examples = "rapport-web")
        String clientId,

        @Schema(description = "Partner the caller acts for, if any", examples = "acme")
        String partnerId,

        @Schema(description = "Correlation id of the request (X-Request-Id)")
        String requestId,

        @Schema(description = "What happened: the event type", examples = "customer.updated")
        String action,

        @Schema(description = "Kind of record written", examples = "customer")
        String resourceType,

        @Schema(description = "Id of the record written") UUID resourceId,

        @Schema(description = "Fields the write changed, for updates")
        List<String> changedFields) {}
