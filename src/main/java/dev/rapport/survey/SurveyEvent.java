package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.customer.api.CustomerReach;
import dev.rapport.event.ChangeSummary;
import dev.rapport.survey.api.SurveyView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event types of the survey domain and their payloads. A distribution's and a response's data carry the
 * {@code customerId}, so segments and triggers follow the customer, and a response's scores at the top level, so
 * trigger conditions test them as {@code data.nps}.
 */
public final class SurveyEvent {

    public static final String SURVEY = "survey";
    public static final String DISTRIBUTION = "survey_distribution";
    public static final String RESPONSE = "survey_response";

    public static final String CREATED = "survey.created";
    public static final String UPDATED = "survey.updated";
    public static final String CLOSED = "survey.closed";
    public static final String DISTRIBUTION_CREATED = "survey.distribution_created";
    public static final String DISTRIBUTION_SUPPRESSED = "survey.distribution_suppressed";
    public static final String RESPONSE_RECEIVED = "survey.response_received";

    public static final String DISTRIBUTION_CREATED_EXAMPLE = """
            {
              "id": "01a2e000-5e6a-7a01-a3fe-1cfe770fd900",
              "type": "survey.distribution_created",
              "createdAt": "2026-12-02T09:00:00Z",
              "subjectType": "survey_distribution",
              "subjectId": "01a2e000-0000-7000-8000-0000000000d1",
              "data": {
                "distributionId": "01a2e000-0000-7000-8000-0000000000d1",
                "surveyId": "01a2e000-0000-7000-8000-0000000000a1",
                "surveyName": "Delivery NPS",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "channel": "email",
                "touchpoint": "purchase",
                "locale": "de",
                "link": "https://surveys.example.com/s/q3J0bS1hbnN3ZXItbGluay10b2tlbi0wMDAwMDAwMDA",
                "expiresAt": "2027-01-01T09:00:00Z",
                "email": "ada@example.com"
              }
            }""";

    public static final String RESPONSE_RECEIVED_EXAMPLE = """
            {
              "id": "01a2e000-5e6a-7a01-a3fe-1cfe770fd901",
              "type": "survey.response_received",
              "createdAt": "2026-12-02T10:00:00Z",
              "subjectType": "survey_response",
              "subjectId": "01a2e000-0000-7000-8000-0000000000b1",
              "data": {
                "responseId": "01a2e000-0000-7000-8000-0000000000b1",
                "surveyId": "01a2e000-0000-7000-8000-0000000000a1",
                "revision": 1,
                "distributionId": "01a2e000-0000-7000-8000-0000000000d1",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "touchpoint": "purchase",
                "channel": "email",
                "nps": 4,
                "category": "detractor"
              }
            }""";

    private SurveyEvent() {}

    /** Payload of {@code survey.updated}: what changed and the survey after it. */
    @RegisterForReflection
    @Schema(
            name = "SurveyUpdatedData",
            extensions = @Extension(name = "x-event-types", value = UPDATED),
            description = "The data of survey.updated")
    public record Updated(
            @Schema(description = "The survey") UUID surveyId,

            @Schema(description = "The fields the change set")
            List<String> changedFields,

            @Schema(description = "Whether the questions moved to a new revision")
            boolean newRevision,

            @Schema(description = "The survey after the change")
            SurveyView survey)
            implements ChangeSummary {}

    /** Payload of {@code survey.distribution_created}: what a messaging system needs to send the link. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "SurveyDistributionCreatedData",
            extensions = {
                @Extension(name = "x-event-types", value = DISTRIBUTION_CREATED),
                @Extension(name = "x-event-example", value = DISTRIBUTION_CREATED_EXAMPLE, parseValue = true)
            },
            description = "The data of survey.distribution_created: the link to send, where, in which locale, "
                    + "and the customer's contact on the channel (email for email, phone for sms)")
    public record DistributionCreated(
            @Schema(description = "The distribution") UUID distributionId,
            @Schema(description = "The survey") UUID surveyId,
            @Schema(description = "The survey's name") String surveyName,

            @Schema(description = "The customer; null for an anonymous link")
            UUID customerId,

            @Schema(description = "Channel") String channel,
            @Schema(description = "Touchpoint") String touchpoint,

            @Schema(description = "Locale to write the message in")
            String locale,

            @Schema(description = "The link to send") String link,
            @Schema(description = "When it stops answering") OffsetDateTime expiresAt,
            @Schema(description = "For email: the address") String email,

            @Schema(description = "For sms: the phone number (E.164)")
            String phone) {

        /** The payload of a link sent to {@code customer} (null for an anonymous link), with their contact. */
        static DistributionCreated of(
                Survey survey, SurveyDistribution distribution, String link, CustomerReach customer) {
            return new DistributionCreated(
                    distribution.id,
                    survey.id,
                    survey.name,
                    distribution.customerId,
                    distribution.channel,
                    distribution.touchpoint,
                    distribution.locale,
                    link,
                    distribution.expiresAt,
                    customer != null && "email".equals(distribution.channel) ? customer.email() : null,
                    customer != null && "sms".equals(distribution.channel) ? customer.phone() : null);
        }
    }

    /** Payload of {@code survey.distribution_suppressed}. */
    @RegisterForReflection
    @Schema(
            name = "SurveyDistributionSuppressedData",
            extensions = @Extension(name = "x-event-types", value = DISTRIBUTION_SUPPRESSED),
            description = "The data of survey.distribution_suppressed: whom the rules kept from being asked, and why")
    public record DistributionSuppressed(
            @Schema(description = "The distribution") UUID distributionId,
            @Schema(description = "The survey") UUID surveyId,
            @Schema(description = "The customer") UUID customerId,
            @Schema(description = "Channel") String channel,
            @Schema(description = "Touchpoint") String touchpoint,

            @Schema(description = "recently_surveyed, survey_recently_sent, open_ticket, no_consent or no_contact")
            String reason,

            @Schema(description = "The reason in words") String detail) {

        static DistributionSuppressed of(SurveyDistribution distribution) {
            return new DistributionSuppressed(
                    distribution.id,
                    distribution.surveyId,
                    distribution.customerId,
                    distribution.channel,
                    distribution.touchpoint,
                    distribution.suppressedReason,
                    distribution.suppressedDetail);
        }
    }

    /** Payload of {@code survey.response_received}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "SurveyResponseReceivedData",
            extensions = {
                @Extension(name = "x-event-types", value = RESPONSE_RECEIVED),
                @Extension(name = "x-event-example", value = RESPONSE_RECEIVED_EXAMPLE, parseValue = true)
            },
            description = "The data of survey.response_received: a completed answer's scores and NPS category")
    public record ResponseReceived(
            @Schema(description = "The response") UUID responseId,
            @Schema(description = "The survey") UUID surveyId,
            @Schema(description = "The revision answered") int revision,

            @Schema(description = "The distribution answered")
            UUID distributionId,

            @Schema(description = "The customer; null for an anonymous link")
            UUID customerId,

            @Schema(description = "Touchpoint") String touchpoint,
            @Schema(description = "Channel") String channel,

            @Schema(description = "The first nps question's score")
            Integer nps,

            @Schema(description = "promoter, passive or detractor")
            String category,

            @Schema(description = "The first csat question's score")
            Integer csat,

            @Schema(description = "The first ces question's score")
            Integer ces) {}
}
