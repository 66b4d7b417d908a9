package dev.rapport.survey;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.survey.api.SubmissionView;
import dev.rapport.survey.api.SubmitAnswersRequest;
import dev.rapport.survey.api.SurveyForm;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answering a survey with a link's token and no login: the respondent's app or page reads the form and posts the
 * answers. The token is the credential; the endpoints need no bearer token and say nothing about the customer.
 */
@Path("/v1/survey-responses/{token}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirements
@Tag(name = "Survey answering", description = "The public answering endpoints: a link's token, no login")
public class SurveyAnswerResource {

    private final SurveyAnswerService answers;
    private final SurveyAnswerLimits limits;
    private final HttpServerRequest http;

    SurveyAnswerResource(SurveyAnswerService answers, SurveyAnswerLimits limits, HttpServerRequest http) {
        this.answers = answers;
        this.limits = limits;
        this.http = http;
    }

    @GET
    @Extension(name = "x-public", value = "true", parseValue = true)
    @Operation(
            operationId = "getSurveyForm",
            summary = "The survey to render for a link",
            description = "The questions in the link's locale and the answers saved so far. An unknown, expired, "
                    + "suppressed or closed survey's token is the same 404. Rate-limited per link and per client "
                    + "address (429).")
    @APIResponse(
            responseCode = "200",
            description = "The form",
            content = @Content(schema = @Schema(implementation = SurveyForm.class)))
    public Uni<SurveyForm> form(@PathParam("token") String token) {
        limits.address(address());
        return answers.form(token);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-public", value = "true", parseValue = true)
    @Operation(
            operationId = "submitSurveyAnswers",
            summary = "Save or submit the answers of a link",
            description = "Each answer is checked against its question's type and the show-if logic; errors name "
                    + "the question (answers.<id>). complete=false saves them to finish later (until the link "
                    + "expires); a completed link takes no more (409). An anonymous link takes many complete "
                    + "answers. Rate-limited per link and per client address (429).")
    @APIResponse(
            responseCode = "200",
            description = "Saved or completed",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Uni<SubmissionView> submit(@PathParam("token") String token, @Valid @NotNull SubmitAnswersRequest request) {
        limits.address(address());
        return answers.submit(token, request);
    }

    private String address() {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
