package dev.rapport.customer.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the page shape with its item type in OpenAPI; the runtime type is the generic Page. */
@Schema(name = "PurchasePage", description = "A page of purchases")
public record PurchasePage(
        @Schema(description = "The items of this page") List<PurchaseView> data,

        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Schema(description = "Whether another page follows")
        boolean hasMore) {}
