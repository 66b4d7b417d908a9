package dev.rapport.automation.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("TriggerActionRun")
@Description("One action of a firing: how it went")
@Schema(name = "TriggerActionRun", description = "One action of a firing: how it went")
public record TriggerActionRunView(
        @Schema(description = "Its place in the trigger's actions, from 0") @Description("Its place, from 0")
        int position,

        @Schema(description = "Action type") @Description("Action type") @NonNull
        String type,

        @Schema(
                description = "waiting (for the action before it), pending (due at nextAttemptAt), succeeded, "
                        + "failed (for good) or skipped (an earlier action failed)",
                enumeration = {"waiting", "pending", "succeeded", "failed", "skipped"})
        @Description("waiting, pending, succeeded, failed or skipped")
        @NonNull
        String status,

        @Schema(description = "Attempts made") @Description("Attempts made")
        int attempts,

        @Schema(description = "What it did", examples = "add tags [birthday-greeted]") @Description("What it did")
        String outcome,

        @Schema(description = "Why the last attempt failed") @Description("Why the last attempt failed")
        String error,

        @Schema(description = "When it is tried next (pending)") @Description("When it is tried next")
        OffsetDateTime nextAttemptAt,

        @Schema(description = "When it succeeded, failed or was skipped") @Description("When it ended")
        OffsetDateTime finishedAt) {}
