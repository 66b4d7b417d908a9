package dev.rapport.survey.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SurveyMetrics")
@Description("Survey figures over a range: in total and by period (and group)")
@Schema(name = "SurveyMetrics", description = "Survey figures over a range: in total and by period (and group)")
public record SurveyMetrics(
        @Schema(description = "Range start") OffsetDateTime from,
        @Schema(description = "Range end, exclusive") OffsetDateTime to,
        @Schema(description = "day, week or month") String interval,

        @Schema(description = "survey, touchpoint, channel or segment; null when not grouped")
        String groupBy,

        @Schema(description = "The whole range, all groups together")
        SurveyFigures total,

        @Schema(description = "Per period (and group), oldest first; periods without responses or links are left out")
        List<SurveyMetricsBucket> buckets) {}
