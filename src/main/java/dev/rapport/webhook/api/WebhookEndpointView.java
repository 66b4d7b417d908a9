package dev.rapport.webhook.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(
        name = "WebhookEndpoint",
        description = "A registered webhook endpoint. The secret is shown only when created " + "or rotated.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointView(
        @Schema(description = "Endpoint id") UUID id,

        @Schema(description = "URL that receives the events")
        String url,

        @Schema(description = "Free description") String description,
        @Schema(description = "Event types it receives") List<String> eventTypes,
        @Schema(description = "Whether deliveries are sent") boolean enabled,

        @Schema(description = "Why it was disabled automatically, if it was")
        String disabledReason,

        @Schema(description = "Extra headers sent with every delivery")
        Map<String, String> headers,

        @Schema(
                description = "Signing secret (whsec_...): only in the response that creates or rotates it; "
                        + "store it, it is never shown again")
        String secret,

        @Schema(description = "When it was registered") OffsetDateTime createdAt,
        @Schema(description = "When it last changed") OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value")
        long version) {}
