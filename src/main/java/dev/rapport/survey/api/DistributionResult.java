package dev.rapport.survey.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SurveyDistributionResult")
@Description("What a distribution did: the links sent and the asks suppressed, each with why")
@Schema(name = "SurveyDistributionResult", description = "The links sent and the asks suppressed, each with why")
public record DistributionResult(
        @Schema(description = "How many links were made") @Description("How many links were made")
        int sent,

        @Schema(description = "How many asks the rules suppressed") @Description("How many asks the rules suppressed")
        int suppressed,

        @Schema(description = "Every ask, in the order of the request")
        List<DistributionView> distributions) {}
