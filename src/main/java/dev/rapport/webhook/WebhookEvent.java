package dev.rapport.webhook;

import java.util.UUID;

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

    private WebhookEvent() {
    }

    /** Payload of the endpoint events. */
    public record EndpointChanged(UUID id, String url, boolean enabled, String reason) {
    }
}
