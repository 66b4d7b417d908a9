package dev.rapport.lead.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("LeadMetrics")
@Description("Pipeline figures over the leads captured in a range")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "LeadMetrics",
        description = "Pipeline figures over the leads of one pipeline captured in [from, to) (the cohort): per "
                + "period of capture (and group), per stage, and in total. Amounts are summed per currency.")
public record LeadMetrics(
        @Schema(description = "Range start") @Description("Range start")
        OffsetDateTime from,

        @Schema(description = "Range end, exclusive") @Description("Range end, exclusive")
        OffsetDateTime to,

        @Schema(description = "week or month") @Description("week or month")
        String interval,

        @Schema(description = "source, owner or stage; absent when not grouped") @Description("source, owner or stage")
        String groupBy,

        @Schema(description = "The pipeline") @Description("The pipeline")
        UUID pipelineId,

        @Schema(description = "Per period of capture (UTC) and group") @Description("Per period of capture and group")
        List<Period> periods,

        @Schema(description = "Per stage, in pipeline order") @Description("Per stage, in pipeline order")
        List<Stage> stages,

        @Schema(description = "Sum of estimated value × stage probability of the cohort's leads in open stages")
        @Description("Sum of estimated value × stage probability of the cohort's leads in open stages")
        List<Money> weightedPipelineValue,

        @Schema(description = "Sum of the estimated value of the cohort's converted leads")
        @Description("Sum of the estimated value of the cohort's converted leads")
        List<Money> wonValue,

        @Schema(description = "The cohort's lost leads by reason, most frequent first")
        @Description("The cohort's lost leads by reason, most frequent first")
        List<ReasonCount> lostReasons) {

    @Type("LeadMetricsPeriod")
    @Description("Figures of the leads captured in one period (and group)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LeadMetricsPeriod", description = "Figures of the leads captured in one period (and group)")
    public record Period(
            @Schema(description = "Period start (UTC; weeks start on Monday)") @Description("Period start")
            OffsetDateTime start,

            @Schema(description = "The group's value; absent when not grouped or the lead has none")
            @Description("The group's value")
            String group,

            @Schema(description = "Leads captured") @Description("Leads captured")
            long created,

            @Schema(description = "Of those, converted before the range end") @Description("Of those, converted")
            long converted,

            @Schema(description = "converted / created") @Description("converted / created")
            BigDecimal conversionRate,

            @Schema(description = "Of those, in a lost stage now") @Description("Of those, in a lost stage now")
            long lost,

            @Schema(description = "Estimated value of the converted ones")
            @Description("Estimated value of the converted ones")
            List<Money> wonValue) {}

    @Type("LeadMetricsStage")
    @Description("Figures of one stage over the cohort")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LeadMetricsStage", description = "Figures of one stage over the cohort")
    public record Stage(
            @Schema(description = "Stage key") @Description("Stage key")
            String stage,

            @Schema(description = "open, won or lost") @Description("open, won or lost")
            String category,

            @Schema(description = "Win probability, percent") @Description("Win probability, percent")
            int probability,

            @Schema(description = "Leads in the stage now") @Description("Leads in the stage now")
            long leads,

            @Schema(description = "Leads that were ever in the stage") @Description("Leads that were ever in the stage")
            long reached,

            @Schema(
                    description =
                            "Of those, leads that left it for a later stage of the pipeline that is not a lost one")
            @Description("Of those, leads that left it for a later stage of the pipeline that is not a lost one")
            long advanced,

            @Schema(description = "advanced / reached: the stage-to-stage conversion rate")
            @Description("advanced / reached: the stage-to-stage conversion rate")
            BigDecimal conversionRate,

            @Schema(description = "Mean seconds of the stays that ended in the stage")
            @Description("Mean seconds of the ended stays")
            BigDecimal averageSeconds,

            @Schema(description = "Median seconds of the stays that ended in the stage")
            @Description("Median seconds of the ended stays")
            BigDecimal medianSeconds,

            @Schema(description = "Estimated value × probability of the leads in the stage now")
            @Description("Estimated value × probability of the leads in the stage now")
            List<Money> weightedValue) {}

    @Type("LeadLostReason")
    @Description("How many lost leads gave one reason")
    @Schema(name = "LeadLostReason", description = "How many lost leads gave one reason")
    public record ReasonCount(
            @Schema(description = "The reason") @Description("The reason")
            String reason,

            @Schema(description = "How many") @Description("How many")
            long count) {}
}
