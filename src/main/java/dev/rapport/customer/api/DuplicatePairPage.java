package dev.rapport.customer.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the page shape with its item type in OpenAPI; the runtime type is the generic Page. */
@Schema(name = "DuplicatePairPage", description = "A page of the duplicate report")
public record DuplicatePairPage(
        @Description("The pairs of this page") @Schema(description = "The pairs of this page")
        List<DuplicatePair> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
