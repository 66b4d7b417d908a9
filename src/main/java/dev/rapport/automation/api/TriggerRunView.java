package dev.rapport.automation.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("TriggerRun")
@Description("One firing of a trigger, or one it skipped and why")
@Schema(name = "TriggerRun", description = "One firing of a trigger, or one it skipped and why")
public record TriggerRunView(
        @Schema(description = "Run id") @Description("Run id") @Id @NonNull
        UUID id,

        @Schema(description = "Trigger id") @Description("Trigger id") @NonNull
        UUID triggerId,

        @Schema(
                description = "running (actions to do), succeeded, failed (an action failed for good) or skipped",
                enumeration = {"running", "succeeded", "failed", "skipped"})
        @Description("running, succeeded, failed or skipped")
        @NonNull
        String status,

        @Schema(
                description = "Why it was skipped: loop (the event came of this trigger's own firing), depth (the "
                        + "chain of firings is at its limit) or frequencyCap")
        @Description("Why it was skipped: loop, depth or frequencyCap")
        String skipReason,

        @Schema(description = "What it fired for, once: the causing event's id, or customer and date")
        @Description("What it fired for, once: the causing event's id, or customer and date")
        @NonNull
        String occurrence,

        @Schema(description = "The causing event (event triggers)") @Description("The causing event")
        UUID eventId,

        @Schema(description = "Its type") @Description("Its type")
        String eventType,

        @Schema(description = "The customer it fired for") @Description("The customer it fired for")
        UUID customerId,

        @Schema(description = "Firings before it in its chain (0: caused by no other firing)")
        @Description("Firings before it in its chain")
        int depth,

        @Schema(description = "The conditions that held") @Description("The conditions that held") @NonNull
        List<String> conditions,

        @Schema(description = "When it fired") @Description("When it fired") @NonNull
        OffsetDateTime firedAt,

        @Schema(description = "When its last action ended") @Description("When its last action ended")
        OffsetDateTime finishedAt,

        @Schema(description = "Its actions, in order") @Description("Its actions, in order") @NonNull
        List<TriggerActionRunView> actions) {}
