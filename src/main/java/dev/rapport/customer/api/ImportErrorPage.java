package dev.rapport.customer.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerImportErrorPage", description = "A page of an import's row errors, in row order")
public record ImportErrorPage(
        @Schema(description = "The errors") List<ImportErrorView> data,

        @Schema(description = "Pass as cursor for the next page")
        String nextCursor,

        @Schema(description = "Whether there are more") boolean hasMore) {}
