package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.time.Plausible;
import dev.rapport.survey.api.CreateDistributionRequest;
import dev.rapport.survey.api.CreateSurveyRequest;
import dev.rapport.survey.api.DistributionPage;
import dev.rapport.survey.api.DistributionResult;
import dev.rapport.survey.api.DistributionView;
import dev.rapport.survey.api.ResponsePage;
import dev.rapport.survey.api.ResponseView;
import dev.rapport.survey.api.SurveyMetrics;
import dev.rapport.survey.api.SurveyPage;
import dev.rapport.survey.api.SurveyView;
import io.smallrye.mutiny.Uni;

@Path("/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "NPS, CSAT and CES surveys, their distributions, responses and figures")
public class SurveyResource {

    private final SurveyService surveys;
    private final SurveyDistributionService distributions;
    private final SurveyResponseService responses;
    private final SurveyMetricsService metrics;
    private final IdempotentRequests idempotency;

    SurveyResource(
            SurveyService surveys,
            SurveyDistributionService distributions,
            SurveyResponseService responses,
            SurveyMetricsService metrics,
            IdempotentRequests idempotency) {
        this.surveys = surveys;
        this.distributions = distributions;
        this.responses = responses;
        this.metrics = metrics;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SURVEYS_WRITE)
    @Operation(
            operationId = "createSurvey",
            summary = "Define a survey",
            description = "Questions of types nps (0-10), csat (1-5), ces (1-7), rating, single_choice, "
                    + "multiple_choice and text, texts per locale (the default locale is required), show-if logic, "
                    + "fatigue rules and follow-up rules. Only an active survey is sent.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify it",
            content = @Content(schema = @Schema(implementation = SurveyView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateSurveyRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/surveys",
                request,
                () -> surveys.create(request)
                        .map(view ->
                                StoredResponse.created(view, "/v1/surveys/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.SURVEYS_READ)
    @Operation(operationId = "listSurveys", summary = "Surveys, oldest first: a partner sees its own")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = SurveyPage.class)))
    public Uni<Page<SurveyView>> list(@BeanParam PageParameters paging) {
        return surveys.list(paging.page(SurveyService.ORDER));
    }

    @GET
    @Path("metrics")
    @RolesAllowed(Roles.SURVEYS_READ)
    @Operation(
            operationId = "getSurveyMetrics",
            summary = "NPS, CSAT, CES and response rate by period and group",
            description = "Completed responses of the range by UTC day, week (from Monday) or month, in total and "
                    + "optionally by survey, touchpoint, channel or segment (the segments the respondent was in when "
                    + "the answer was followed up; no response rate by segment). NPS and CSAT carry 95 % confidence "
                    + "intervals (see SurveyFigures) so that a team does not chase noise on few answers.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = @Content(schema = @Schema(implementation = SurveyMetrics.class)))
    public Uni<SurveyMetrics> metrics(
            @Parameter(description = "Range start, ISO-8601; 30 days before to when omitted")
                    @QueryParam("from")
                    @Plausible(ahead = "P366D")
                    OffsetDateTime from,
            @Parameter(description = "Range end, exclusive; now when omitted")
                    @QueryParam("to")
                    @Plausible(ahead = "P366D")
                    OffsetDateTime to,
            @Parameter(description = "day, week or month; week when omitted") @QueryParam("interval") String interval,
            @Parameter(description = "survey, touchpoint, channel or segment") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "Only this survey's responses") @QueryParam("surveyId") UUID surveyId,
            @Parameter(description = "Only this touchpoint's responses") @QueryParam("touchpoint") String touchpoint) {
        return metrics.metrics(from, to, interval, groupBy, surveyId, touchpoint);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.SURVEYS_READ)
    @Operation(operationId = "getSurvey", summary = "Get a survey")
    @APIResponse(
            responseCode = "200",
            description = "Found; ETag carries its version",
            content = @Content(schema = @Schema(implementation = SurveyView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return surveys.get(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.SURVEYS_WRITE)
    @Operation(
            operationId = "updateSurvey",
            summary = "Change a survey with a JSON merge patch",
            description = "Send only the fields to change; lists are replaced whole. New questions on a revision "
                    + "that has answers make a new revision. status closed stops its links answering "
                    + "(survey.closed). Send the ETag in If-Match to avoid overwriting a concurrent change (412 when "
                    + "stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateSurveyRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SurveyView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return surveys.update(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @POST
    @Path("{id}/distributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SURVEYS_WRITE)
    @Operation(
            operationId = "distributeSurvey",
            summary = "Ask customers (or make an anonymous link)",
            description = "Each customer gets a single-use link unless a rule suppresses the ask: the customer's "
                    + "consent for the channel and a contact on it, this survey's fatigue days, the global fatigue "
                    + "rule (rapport.surveys.fatigue-days, across all surveys and channels) and, when the survey "
                    + "says so, an open ticket. Every ask is recorded: survey.distribution_created carries the link "
                    + "and contact for the messaging system, survey.distribution_suppressed why not. The links and "
                    + "tokens are in this answer only.")
    @APIResponse(
            responseCode = "201",
            description = "The asks, sent and suppressed",
            content = @Content(schema = @Schema(implementation = DistributionResult.class)))
    public Uni<Response> distribute(
            @PathParam("id") UUID id,
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response (with the links)")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateDistributionRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/surveys/" + id + "/distributions",
                request,
                () -> distributions.distribute(id, request).map(result -> new StoredResponse(201, result, null, null)));
    }

    @GET
    @Path("{id}/distributions")
    @RolesAllowed(Roles.SURVEYS_READ)
    @Operation(operationId = "listSurveyDistributions", summary = "A survey's asks, newest first (without links)")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = DistributionPage.class)))
    public Uni<Page<DistributionView>> distributions(
            @PathParam("id") UUID id,
            @Parameter(description = "sent, started, answered or suppressed") @QueryParam("status") String status,
            @BeanParam PageParameters paging) {
        return distributions.list(id, status, paging.page(SurveyDistributionService.ORDER));
    }

    @GET
    @Path("{id}/responses")
    @RolesAllowed(Roles.SURVEYS_READ)
    @Operation(
            operationId = "listSurveyResponses",
            summary = "A survey's responses, newest first, with their text answers",
            description = "`filter` takes RSQL over nps, csat, ces, category (promoter, passive, detractor), "
                    + "touchpoint, channel, locale, status (partial, completed), customerId, hasComment and "
                    + "submittedAt, for example `category==detractor;hasComment==true`; `q` searches the text answers.")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = ResponsePage.class)))
    public Uni<Page<ResponseView>> responses(@PathParam("id") UUID id, @BeanParam ListParameters list) {
        return responses.list(id, list);
    }

    @GET
    @Path("{id}/responses/{responseId}")
    @RolesAllowed(Roles.SURVEYS_READ)
    @Operation(
            operationId = "getSurveyResponse",
            summary = "One response of a survey",
            description = "What a follow-up ticket's surveyResponseId attribute names.")
    @APIResponse(
            responseCode = "200",
            description = "The response",
            content = @Content(schema = @Schema(implementation = ResponseView.class)))
    public Uni<ResponseView> response(@PathParam("id") UUID id, @PathParam("responseId") UUID responseId) {
        return responses.get(id, responseId);
    }
}
