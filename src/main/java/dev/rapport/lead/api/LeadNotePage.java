package dev.rapport.lead.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LeadNotePage")
@Description("A page of lead notes")
@Schema(name = "LeadNotePage", description = "A page of lead notes")
public record LeadNotePage(
        @Description("The lead notes of this page") @Schema(description = "The lead notes of this page")
        List<LeadNoteView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
