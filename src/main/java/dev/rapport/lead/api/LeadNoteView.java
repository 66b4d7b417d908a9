package dev.rapport.lead.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LeadNote")
@Description("An entry of a lead's timeline: a note, call, email or meeting")
@Schema(name = "LeadNote", description = "An entry of a lead's timeline: a note, call, email or meeting")
public record LeadNoteView(
        @Schema(description = "Note id") @Description("Note id")
        UUID id,

        @Schema(description = "The lead") @Description("The lead")
        UUID leadId,

        @Schema(
                description = "note, call, email or meeting",
                enumeration = {"note", "call", "email", "meeting"})
        @Description("note, call, email or meeting")
        String type,

        @Schema(description = "What was said or done") @Description("What was said or done")
        String body,

        @Schema(description = "User id of the author") @Description("User id of the author")
        String author,

        @Schema(description = "When it happened") @Description("When it happened")
        OffsetDateTime occurredAt,

        @Schema(description = "When it was written") @Description("When it was written")
        OffsetDateTime createdAt) {}
