package dev.rapport.lead;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
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

import dev.rapport.lead.api.ConvertLeadRequest;
import dev.rapport.lead.api.CreateLeadRequest;
import dev.rapport.lead.api.LeadConversionView;
import dev.rapport.lead.api.LeadMetrics;
import dev.rapport.lead.api.LeadPage;
import dev.rapport.lead.api.LeadView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.time.Plausible;
import io.smallrye.mutiny.Uni;

@Path("/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Leads through pipelines: notes, stage history, scores, owners and conversion")
public class LeadResource {

    private final LeadService service;
    private final LeadConversionService conversion;
    private final LeadMetricsService metrics;
    private final IdempotentRequests idempotency;

    LeadResource(
            LeadService service,
            LeadConversionService conversion,
            LeadMetricsService metrics,
            IdempotentRequests idempotency) {
        this.service = service;
        this.conversion = conversion;
        this.metrics = metrics;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LEADS_WRITE)
    @Operation(
            operationId = "createLead",
            summary = "Capture a lead",
            description = "In the default pipeline's first open stage unless the request names a pipeline and stage "
                    + "(a won stage is entered by converting; a lost one needs lostReason). Without an owner, the "
                    + "first assignment rule that holds gives one. The score is computed from the scoring rules in "
                    + "the same transaction.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify the new lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateLeadRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/leads",
                request,
                () -> service.create(request)
                        .map(view -> StoredResponse.created(view, "/v1/leads/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(
            operationId = "listLeads",
            summary = "List and search leads",
            description = "Cursor-paged. `filter` takes RSQL over the lead fields (README, Leads) and score, "
                    + "customerId, convertedAt, stageEnteredAt and updatedAt; for example "
                    + "`stage==qualified;score=ge=50` or `source=in=(ads,web_form);createdAt=gt=-P7D`. `sort` takes "
                    + "createdAt, updatedAt, stageEnteredAt, score, stage or ownerId, - for descending (default "
                    + "-createdAt). `q` searches names, email, phone and company.")
    @APIResponse(
            responseCode = "200",
            description = "A page of leads",
            content = @Content(schema = @Schema(implementation = LeadPage.class)))
    public Uni<Page<LeadView>> list(@BeanParam ListParameters list) {
        return service.list(list);
    }

    @GET
    @Path("metrics")
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(
            operationId = "getLeadMetrics",
            summary = "Pipeline figures over the leads captured in a range",
            description = "Over the leads of one pipeline captured in [from, to): per UTC week or month of capture "
                    + "(optionally by source, owner or current stage) the leads captured, converted and lost, the "
                    + "conversion rate (converted / captured) and the won value; per stage the leads in it now, "
                    + "those that were ever in it and those that left it for a later stage (stage-to-stage "
                    + "conversion), the mean and median time of the stays that ended, and the weighted value "
                    + "(estimated value × win probability); in total the weighted pipeline value, the won value "
                    + "and the lost reasons.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = @Content(schema = @Schema(implementation = LeadMetrics.class)))
    public Uni<LeadMetrics> metrics(
            @Parameter(description = "Range start, ISO-8601; 30 days before to when omitted")
                    @QueryParam("from")
                    @Plausible(ahead = "P366D")
                    OffsetDateTime from,
            @Parameter(description = "Range end, exclusive; now when omitted")
                    @QueryParam("to")
                    @Plausible(ahead = "P366D")
                    OffsetDateTime to,
            @Parameter(description = "Pipeline id; the default pipeline when omitted") @QueryParam("pipeline")
                    UUID pipeline,
            @Parameter(description = "week or month; month when omitted") @QueryParam("interval") String interval,
            @Parameter(description = "source, owner or stage") @QueryParam("groupBy") String groupBy) {
        return metrics.metrics(from, to, pipeline, interval, groupBy);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(
            operationId = "getLead",
            summary = "Get a lead",
            description = "Send If-None-Match with the ETag to get 304 when the lead has not changed.")
    @APIResponse(
            responseCode = "200",
            description = "The lead; ETag carries its version",
            content = @Content(schema = @Schema(implementation = LeadView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(
            responseCode = "304",
            description = "Not modified since the ETag in If-None-Match",
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id, Request request) {
        return service.get(id).map(view -> {
            EntityTag tag = new EntityTag(String.valueOf(view.version()));
            Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
            return notModified != null
                    ? notModified.build()
                    : Response.ok(view).tag(tag).build();
        });
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.LEADS_WRITE)
    @Operation(
            operationId = "updateLead",
            summary = "Update a lead with a JSON merge patch",
            description = "Send only the fields to change; null removes a value, arrays are replaced whole. A stage "
                    + "must be one of the lead's pipeline (a new pipeline without a stage puts the lead in its first "
                    + "open stage); a lost stage needs lostReason; a won stage is entered by converting, and a "
                    + "converted lead does not move (409). Send the ETag in If-Match to avoid overwriting a "
                    + "concurrent change (412 when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateLeadRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The updated lead; ETag carries its new version",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return service.update(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @POST
    @Path("{id}/convert")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEADS_WRITE})
    @Operation(
            operationId = "convertLead",
            summary = "Convert a lead to a customer",
            description = "One transaction: links the lead to the customer named, else to the customer whose "
                    + "normalized email or phone matches the lead's in the caller's scope, else creates a customer "
                    + "from the lead; moves the lead to a won stage; logs its notes on the customer's timeline; "
                    + "appends lead.converted with both ids. The answer says which customer and why. Converting a "
                    + "converted lead is a 409 problem; a lost lead must move to an open stage first. Needs "
                    + "customers:write as well as leads:write.")
    @APIResponse(
            responseCode = "200",
            description = "Converted",
            content = @Content(schema = @Schema(implementation = LeadConversionView.class)))
    public Uni<Response> convert(
            @PathParam("id") UUID id,
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid ConvertLeadRequest request) {
        ConvertLeadRequest asked = request == null ? new ConvertLeadRequest(null, null) : request;
        return idempotency.run(
                idempotencyKey,
                "POST /v1/leads/" + id + "/convert",
                asked,
                () -> conversion.convert(id, asked).map(StoredResponse::ok));
    }
}
