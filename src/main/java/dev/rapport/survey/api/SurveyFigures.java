package dev.rapport.survey.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SurveyFigures")
@Description("NPS, CSAT and CES of a set of completed responses, with 95 % confidence intervals")
@Schema(
        name = "SurveyFigures",
        description = "Figures of the completed responses of a period or group. NPS = % promoters (9-10) - % "
                + "detractors (0-6), with the 95 % interval NPS ± 1.96·100·√((p + d − (p − d)²) / n); CSAT = % of "
                + "answers 4-5, with the 95 % Wilson score interval; CES = the mean of 1-7. Response rate = "
                + "responses to personal links / links delivered (not suppressed). Null where there are no answers.")
public record SurveyFigures(
        @Schema(description = "Completed responses") long responses,

        @Schema(description = "Personal links delivered (not suppressed)")
        long delivered,

        @Schema(description = "Responses to personal links / links delivered, in %")
        Double responseRate,

        @Schema(description = "Answers to an nps question") long npsResponses,
        @Schema(description = "Scores 9-10") long promoters,
        @Schema(description = "Scores 7-8") long passives,
        @Schema(description = "Scores 0-6") long detractors,

        @Schema(description = "Net Promoter Score, -100 to 100")
        Double nps,

        @Schema(description = "Lower end of NPS's 95 % interval")
        Double npsLow,

        @Schema(description = "Upper end of NPS's 95 % interval")
        Double npsHigh,

        @Schema(description = "Answers to a csat question") long csatResponses,
        @Schema(description = "Answers 4-5") long satisfied,
        @Schema(description = "CSAT, % of answers 4-5") Double csat,

        @Schema(description = "Lower end of CSAT's 95 % interval")
        Double csatLow,

        @Schema(description = "Upper end of CSAT's 95 % interval")
        Double csatHigh,

        @Schema(description = "Answers to a ces question") long cesResponses,

        @Schema(description = "Customer Effort Score, the mean of 1-7")
        Double ces) {}
