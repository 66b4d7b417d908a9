package dev.rapport.customer.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the page shape with its item type in OpenAPI; the runtime type is the generic Page. */
@Schema(name = "ConsentChangePage", description = "A page of a customer's consent history, newest first")
public record ConsentChangePage(
        @Schema(description = "The changes of this page") List<ConsentChangeView> data,

        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Schema(description = "Whether another page follows")
        boolean hasMore) {}
