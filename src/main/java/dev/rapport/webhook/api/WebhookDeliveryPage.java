package dev.rapport.webhook.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the page shape with its item type in OpenAPI; the runtime type is the generic Page. */
@Schema(name = "WebhookDeliveryPage", description = "A page of deliveries, newest first")
public record WebhookDeliveryPage(
        @Schema(description = "The deliveries of this page") List<WebhookDeliveryView> data,

        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Schema(description = "Whether another page follows")
        boolean hasMore) {}
