package dev.rapport.webhook.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the page shape with its item type in OpenAPI; the runtime type is the generic Page. */
@Schema(name = "WebhookEndpointPage", description = "A page of webhook endpoints")
public record WebhookEndpointPage(
        @Schema(description = "The endpoints of this page") List<WebhookEndpointView> data,

        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Schema(description = "Whether another page follows")
        boolean hasMore) {}
