package dev.rapport.automation.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("TriggerTestResult")
@Description("What a trigger would do for an event or customer; nothing was changed")
@Schema(name = "TriggerTestResult", description = "What a trigger would do for an event or customer; nothing changed")
public record TriggerTestResult(
        @Schema(description = "Whether it would fire") @Description("Whether it would fire")
        boolean fires,

        @Schema(description = "Why it would not", examples = "the condition does not hold")
        @Description("Why it would not")
        String reason,

        @Schema(description = "Conditions that hold") @Description("Conditions that hold") @NonNull
        List<String> conditionsHeld,

        @Schema(description = "Conditions that do not") @Description("Conditions that do not") @NonNull
        List<String> conditionsFailed,

        @Schema(description = "What each action would do, when it would fire")
        @Description("What each action would do, when it would fire")
        @NonNull
        List<Step> actions) {

    @Type("TriggerTestStep")
    @Schema(name = "TriggerTestStep", description = "What one action would do")
    public record Step(
            @Schema(description = "Action type") @Description("Action type") @NonNull
            String type,

            @Schema(description = "What it would do, or why it could not", examples = "would add tags [vip]")
            @Description("What it would do, or why it could not")
            @NonNull
            String wouldDo) {}
}
