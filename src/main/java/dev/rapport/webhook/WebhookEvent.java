package dev.rapport.webhook;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Event types the webhook domain writes, and their payloads (never carrying a secret). */
public final class WebhookEvent {

    public static final String SUBJECT = "webhook_endpoint";
    public static final String CREATED = "webhook_endpoint.created";
    public static final String UPDATED = "webhook_endpoint.updated";
    public static final String DELETED = "webhook_endpoint.deleted";
    public static final String SECRET_ROTATED = "webhook_endpoint.secret_rotated";
    public static final String DISABLED = "webhook_endpoint.disabled";
    /** The type of the sample event sent by "send test event". */
    public static final String TEST = "webhook.test";

    private WebhookEvent() {}

    /** Payload of the endpoint events. */
    @Schema(
            name = "WebhookEndpointEventData",
            extensions =
                    @Extension(
                            name = "x-event-types",
                            value = CREATED + "," + UPDATED + "," + DELETED + "," + SECRET_ROTATED + "," + DISABLED),
            description = "The data of the webhook_endpoint.* events; never the secret")
    public record EndpointChanged(
            @Schema(description = "Endpoint id") UUID id,

            @Schema(description = "URL that receives the events")
            String url,

            @Schema(description = "Whether deliveries are sent")
            boolean enabled,

            @Schema(description = "Why it was disabled or deleted, for those events")
            String reason) {}
}
