package dev.rapport.webhook.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event sent to one endpoint, with its attempts")
public record WebhookDeliveryView(
        @Schema(description = "Delivery id: the webhook-id header, the same on every retry")
        UUID id,

        @Schema(description = "Endpoint id") UUID endpointId,
        @Schema(description = "Event id") UUID eventId,
        @Schema(description = "Event type") String eventType,

        @Schema(description = "pending, succeeded or dead (dead-lettered after the last retry)")
        String status,

        @Schema(description = "Attempts made so far") int attemptCount,

        @Schema(description = "When the next attempt is due, while pending")
        OffsetDateTime nextAttemptAt,

        @Schema(description = "When it was delivered") OffsetDateTime deliveredAt,

        @Schema(description = "Each attempt: response code, latency, error")
        List<Attempt> attempts) {

    @Schema(name = "WebhookAttempt", description = "One attempt to deliver")
    public record Attempt(
            @Schema(description = "When it was made") OffsetDateTime attemptedAt,

            @Schema(description = "HTTP status of the response, if one came")
            Integer statusCode,

            @Schema(description = "Time until the response, in milliseconds")
            int latencyMs,

            @Schema(description = "Why it failed, if it did")
            String error) {}
}
