package dev.rapport.survey.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SurveyMetricsBucket")
@Description("The figures of one period (and group)")
@Schema(name = "SurveyMetricsBucket", description = "The figures of one period, and group when grouped")
public record SurveyMetricsBucket(
        @Schema(description = "Start of the period (UTC)") OffsetDateTime start,

        @Schema(description = "The group: a survey id, touchpoint, channel or segment id; null when not grouped")
        @Description("The group: a survey id, touchpoint, channel or segment id; null when not grouped")
        String group,

        @Schema(description = "The figures") SurveyFigures figures) {}
