package dev.rapport.lead.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("LeadStageStay")
@Description("A stay of a lead in a stage, with the time it spent there")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LeadStageStay", description = "A stay of a lead in a stage, with the time it spent there")
public record LeadStageStayView(
        @Schema(description = "The pipeline") @Description("The pipeline")
        UUID pipelineId,

        @Schema(description = "The stage key") @Description("The stage key")
        String stage,

        @Schema(description = "When the lead entered it") @Description("When the lead entered it")
        OffsetDateTime enteredAt,

        @Schema(description = "When it left; absent while the lead is in the stage")
        @Description("When it left; null while the lead is in the stage")
        OffsetDateTime leftAt,

        @Schema(description = "The stage it moved to") @Description("The stage it moved to")
        String nextStage,

        @Schema(description = "Seconds spent in the stage, until now for the current one")
        @Description("Seconds spent in the stage, until now for the current one")
        long seconds,

        @Schema(description = "Who moved the lead into the stage") @Description("Who moved the lead into the stage")
        String actor) {}
