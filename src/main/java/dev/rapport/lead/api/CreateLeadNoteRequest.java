package dev.rapport.lead.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.time.Plausible;

@Input("LeadNoteInput")
@Description("A note or an activity to add to a lead's timeline")
@Schema(description = "A note or an activity to add to a lead's timeline")
public record CreateLeadNoteRequest(
        @Schema(
                description = "note, call, email or meeting; note when omitted",
                enumeration = {"note", "call", "email", "meeting"})
        @Description("note, call, email or meeting; note when omitted")
        @Pattern(regexp = "note|call|email|meeting", message = "must be note, call, email or meeting")
        String type,

        @Schema(description = "What was said or done", required = true, examples = "Asked for a demo next week")
        @Description("What was said or done")
        @NotBlank
        @Size(max = 4000)
        String body,

        @Schema(description = "When it happened, from 1900 to a day from now; now when omitted")
        @Description("When it happened, from 1900 to a day from now; now when omitted")
        @Plausible
        OffsetDateTime occurredAt) {}
