package dev.rapport.survey.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("SurveyDistribution")
@Description("One ask: a link to one customer (or an anonymous one), or a suppressed ask and why")
@Schema(
        name = "SurveyDistribution",
        description = "One ask: a link for one customer (or an anonymous link), or an ask the rules suppressed, with "
                + "why. The link is shown only in the answer that created it (and in survey.distribution_created); "
                + "the service keeps a hash of its token.")
public record DistributionView(
        @Schema(description = "Id") @Id UUID id,
        @Schema(description = "The survey") UUID surveyId,

        @Schema(description = "The customer asked; null for an anonymous link")
        UUID customerId,

        @Schema(description = "Channel") String channel,
        @Schema(description = "Touchpoint") String touchpoint,

        @Schema(description = "Locale the survey is shown in")
        String locale,

        @Schema(description = "sent, started (answers saved), answered or suppressed")
        @Description("sent, started (answers saved), answered or suppressed")
        String status,

        @Schema(
                description = "Why it was suppressed: recently_surveyed, survey_recently_sent, open_ticket, "
                        + "no_consent or no_contact")
        @Description(
                "Why it was suppressed: recently_surveyed, survey_recently_sent, open_ticket, no_consent or no_contact")
        String suppressedReason,

        @Schema(description = "The reason in words") @Description("The reason in words")
        String suppressedDetail,

        @Schema(description = "The link to answer at; only in the answer that created it")
        @Description("The link to answer at; only in the answer that created it")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String link,

        @Schema(description = "The token in the link; only in the answer that created it")
        @Description("The token in the link; only in the answer that created it")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String token,

        @Schema(description = "When the link stops answering")
        OffsetDateTime expiresAt,

        @Schema(description = "Created") OffsetDateTime createdAt,
        @Schema(description = "When it was answered") OffsetDateTime answeredAt) {}
