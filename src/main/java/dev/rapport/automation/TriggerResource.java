package dev.rapport.automation;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import dev.rapport.automation.api.CreateTriggerRequest;
import dev.rapport.automation.api.TriggerPage;
import dev.rapport.automation.api.TriggerRunPage;
import dev.rapport.automation.api.TriggerRunView;
import dev.rapport.automation.api.TriggerTestRequest;
import dev.rapport.automation.api.TriggerTestResult;
import dev.rapport.automation.api.TriggerView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/triggers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Automations", description = "Triggers: WHEN an event or a customer date, AND a condition, THEN actions")
public class TriggerResource {

    static final String IDEMPOTENCY_DOC = "Makes a retry safe: a repeat returns the stored response";
    static final String TRIGGER_DOC = "An event trigger fires once per causing event; a date trigger once per customer "
            + "and year, at the local time of day in the customer's time zone. Every firing is recorded as a run and "
            + "appends trigger.fired; its actions run after it committed, each retried with backoff. A trigger never "
            + "fires again in a chain of firings it is already part of, and chains stop at a configured length. "
            + "Conditions are RSQL over customer facts, eventType and data.<key> (README, Automations).";

    private final TriggerService service;
    private final IdempotentRequests idempotency;

    TriggerResource(TriggerService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUTOMATIONS_MANAGE)
    @Operation(operationId = "createTrigger", summary = "Define a trigger", description = TRIGGER_DOC)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify the new trigger",
            content = @Content(schema = @Schema(implementation = TriggerView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull CreateTriggerRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/triggers",
                request,
                () -> service.create(request)
                        .map(view ->
                                StoredResponse.created(view, "/v1/triggers/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.AUTOMATIONS_READ)
    @Operation(operationId = "listTriggers", summary = "List triggers, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of triggers",
            content = @Content(schema = @Schema(implementation = TriggerPage.class)))
    public Uni<Page<TriggerView>> list(@BeanParam PageParameters paging) {
        return service.list(paging.page(TriggerService.NEWEST_FIRST));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.AUTOMATIONS_READ)
    @Operation(operationId = "getTrigger", summary = "Get a trigger")
    @APIResponse(
            responseCode = "200",
            description = "The trigger; ETag carries its version",
            content = @Content(schema = @Schema(implementation = TriggerView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.AUTOMATIONS_MANAGE)
    @Operation(
            operationId = "updateTrigger",
            summary = "Change a trigger with a JSON merge patch",
            description = "Any field but kind; actions are replaced as a whole. A disabled date trigger enabled again "
                    + "fires for the dates from then on. Send the ETag in If-Match (412 when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateTriggerRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The changed trigger; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriggerView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return service.update(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.AUTOMATIONS_MANAGE)
    @Operation(
            operationId = "deleteTrigger",
            summary = "Delete a trigger",
            description = "Its runs go with it; actions not yet run are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return service.delete(id, ifMatch).map(nothing -> Response.noContent().build());
    }

    @GET
    @Path("{id}/runs")
    @RolesAllowed(Roles.AUTOMATIONS_READ)
    @Operation(
            operationId = "listTriggerRuns",
            summary = "A trigger's firings, newest first",
            description = "Each with its causing event or date, its customer, the conditions that held, and each "
                    + "action's status, attempts, outcome or error; skipped firings say why.")
    @APIResponse(
            responseCode = "200",
            description = "A page of runs",
            content = @Content(schema = @Schema(implementation = TriggerRunPage.class)))
    public Uni<Page<TriggerRunView>> runs(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "Only runs of this status",
                            schema = @Schema(enumeration = {"running", "succeeded", "failed", "skipped"}))
                    @QueryParam("status")
                    String status,
            @BeanParam PageParameters paging) {
        return service.runs(id, status, paging.page(TriggerService.RUNS));
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUTOMATIONS_READ)
    @Operation(
            operationId = "testTrigger",
            summary = "Try a trigger on an event or a customer",
            description = "Which conditions hold and what each action would do; nothing is changed or recorded.")
    @APIResponse(
            responseCode = "200",
            description = "What would happen",
            content = @Content(schema = @Schema(implementation = TriggerTestResult.class)))
    public Uni<Response> test(
            @PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull TriggerTestRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/triggers/" + id + "/test",
                request,
                () -> service.test(id, request).map(result -> StoredResponse.ok(result)));
    }
}
