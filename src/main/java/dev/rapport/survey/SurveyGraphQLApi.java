package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.time.Plausible;
import dev.rapport.platform.web.GraphQLArguments;
import dev.rapport.survey.api.CreateDistributionRequest;
import dev.rapport.survey.api.CreateSurveyRequest;
import dev.rapport.survey.api.CustomerSurveys;
import dev.rapport.survey.api.DistributionPage;
import dev.rapport.survey.api.DistributionResult;
import dev.rapport.survey.api.ResponsePage;
import dev.rapport.survey.api.ResponseView;
import dev.rapport.survey.api.SurveyMetrics;
import dev.rapport.survey.api.SurveyPage;
import dev.rapport.survey.api.SurveyView;
import io.smallrye.mutiny.Uni;

/** Surveys in GraphQL: the same services, rules and error codes as REST (answering is REST only: it needs no login). */
@GraphQLApi
public class SurveyGraphQLApi {

    private final SurveyService surveys;
    private final SurveyDistributionService distributions;
    private final SurveyResponseService responses;
    private final SurveyMetricsService metrics;
    private final ObjectMapper json;

    SurveyGraphQLApi(
            SurveyService surveys,
            SurveyDistributionService distributions,
            SurveyResponseService responses,
            SurveyMetricsService metrics,
            ObjectMapper json) {
        this.surveys = surveys;
        this.distributions = distributions;
        this.responses = responses;
        this.metrics = metrics;
        this.json = json;
    }

    @Query("survey")
    @Description("One survey by id")
    @RolesAllowed(Roles.SURVEYS_READ)
    public Uni<SurveyView> survey(@NonNull @Id String id) {
        return surveys.get(GraphQLArguments.id(id));
    }

    @Query("surveys")
    @Description("Surveys, oldest first, cursor-paged")
    @RolesAllowed(Roles.SURVEYS_READ)
    public Uni<SurveyPage> surveys(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return surveys.list(PageRequest.of(Integer.toString(limit), after, SurveyService.ORDER))
                .map(page -> new SurveyPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("surveyResponse")
    @Description("One response of a survey, as GET /v1/surveys/{id}/responses/{responseId}")
    @RolesAllowed(Roles.SURVEYS_READ)
    public Uni<ResponseView> surveyResponse(@NonNull @Id String surveyId, @NonNull @Id String id) {
        return responses.get(GraphQLArguments.id(surveyId), GraphQLArguments.id(id));
    }

    @Query("surveyMetrics")
    @Description("NPS, CSAT, CES and response rate by period and group, as GET /v1/surveys/metrics")
    @RolesAllowed(Roles.SURVEYS_READ)
    public Uni<SurveyMetrics> surveyMetrics(
            @Description("Range start; 30 days before to when omitted") @Plausible(ahead = "P366D") OffsetDateTime from,
            @Description("Range end, exclusive; now when omitted") @Plausible(ahead = "P366D") OffsetDateTime to,
            @Description("day, week or month; week when omitted") String interval,
            @Description("survey, touchpoint, channel or segment") String groupBy,
            @Description("Only this survey's responses") @Id String surveyId,
            @Description("Only this touchpoint's responses") String touchpoint) {
        return metrics.metrics(
                from, to, interval, groupBy, surveyId == null ? null : GraphQLArguments.id(surveyId), touchpoint);
    }

    @Name("responses")
    @Description(
            "The survey's responses, newest first, filtered as GET /v1/surveys/{id}/responses (one survey at a time)")
    @RolesAllowed(Roles.SURVEYS_READ)
    public Uni<ResponsePage> responses(
            @Source SurveyView survey,
            @Description("RSQL over nps, csat, ces, category, touchpoint, channel, locale, status, customerId, "
                            + "hasComment, submittedAt")
                    String filter,
            @Description("Search the text answers") String q,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return responses
                .list(survey.id(), ListParameters.of(limit, after, filter, null, q))
                .map(page -> new ResponsePage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Name("distributions")
    @Description("The survey's asks, newest first, without links (one survey at a time)")
    @RolesAllowed(Roles.SURVEYS_READ)
    public Uni<DistributionPage> distributions(
            @Source SurveyView survey,
            @Description("sent, started, answered or suppressed") String status,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return distributions
                .list(
                        survey.id(),
                        status,
                        PageRequest.of(Integer.toString(limit), after, SurveyDistributionService.ORDER))
                .map(page -> new DistributionPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Name("surveys")
    @Description("The survey domain's part of the 360 view: the latest NPS, CSAT and CES")
    @RolesAllowed(Roles.SURVEYS_READ)
    public Uni<List<CustomerSurveys>> customerSurveys(@Source List<CustomerView> sources) {
        List<UUID> ids = sources.stream().map(CustomerView::id).toList();
        return responses
                .forCustomers(ids)
                .map(parts -> ids.stream().map(parts::get).toList());
    }

    @Mutation("createSurvey")
    @Description("Define a survey")
    @RolesAllowed(Roles.SURVEYS_WRITE)
    public Uni<SurveyView> createSurvey(@NonNull @Valid CreateSurveyRequest input) {
        return surveys.create(input);
    }

    @Mutation("updateSurvey")
    @Description("Change a survey with a JSON merge patch, as PATCH /v1/surveys/{id}")
    @RolesAllowed(Roles.SURVEYS_WRITE)
    public Uni<SurveyView> updateSurvey(
            @NonNull @Id String id, @NonNull @Description("JSON merge patch") String patch, Long ifMatchVersion) {
        return surveys.update(
                GraphQLArguments.id(id),
                GraphQLArguments.json(json, patch),
                ifMatchVersion == null ? null : ETags.of(ifMatchVersion));
    }

    @Mutation("distributeSurvey")
    @Description("Ask customers or make an anonymous link, as POST /v1/surveys/{id}/distributions")
    @RolesAllowed(Roles.SURVEYS_WRITE)
    public Uni<DistributionResult> distributeSurvey(
            @NonNull @Id String surveyId, @NonNull @Valid CreateDistributionRequest input) {
        return distributions.distribute(GraphQLArguments.id(surveyId), input);
    }
}
