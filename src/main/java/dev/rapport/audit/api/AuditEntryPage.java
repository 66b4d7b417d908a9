package dev.rapport.audit.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the page shape with its item type in OpenAPI; the runtime type is the generic Page. */
@Schema(name = "AuditEntryPage", description = "A page of audit entries, newest first")
public record AuditEntryPage(
        @Schema(description = "The entries of this page") List<AuditEntryView> data,

        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Schema(description = "Whether another page follows")
        boolean hasMore) {}
