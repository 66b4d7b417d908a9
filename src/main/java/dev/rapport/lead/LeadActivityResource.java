package dev.rapport.lead;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.lead.api.CreateLeadNoteRequest;
import dev.rapport.lead.api.LeadHistory;
import dev.rapport.lead.api.LeadNotePage;
import dev.rapport.lead.api.LeadNoteView;
import dev.rapport.lead.api.LeadScoreView;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/leads/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
public class LeadActivityResource {

    private final LeadService leads;
    private final IdempotentRequests idempotency;

    LeadActivityResource(LeadService leads, IdempotentRequests idempotency) {
        this.leads = leads;
        this.idempotency = idempotency;
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LEADS_WRITE)
    @Operation(
            operationId = "addLeadNote",
            summary = "Add a note or an activity to a lead's timeline",
            description = "A note, call, email or meeting. The lead's score is recomputed (rules may count notes of "
                    + "the last 30 days); a converted lead's note is logged on its customer's timeline too.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = LeadNoteView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Uni<Response> addNote(
            @PathParam("id") UUID id,
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateLeadNoteRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/leads/" + id + "/notes",
                request,
                () -> leads.addNote(id, request)
                        .map(view -> StoredResponse.created(view, "/v1/leads/" + id + "/notes", null)));
    }

    @GET
    @Path("notes")
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(operationId = "listLeadNotes", summary = "A lead's timeline, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of notes",
            content = @Content(schema = @Schema(implementation = LeadNotePage.class)))
    public Uni<Page<LeadNoteView>> notes(@PathParam("id") UUID id, @BeanParam PageParameters paging) {
        return leads.notes(id, paging.page(LeadService.TIMELINE));
    }

    @GET
    @Path("history")
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(
            operationId = "getLeadHistory",
            summary = "Every stage a lead was in, oldest first, with the time spent in each")
    @APIResponse(
            responseCode = "200",
            description = "The stage history",
            content = @Content(schema = @Schema(implementation = LeadHistory.class)))
    public Uni<LeadHistory> history(@PathParam("id") UUID id) {
        return leads.history(id).map(LeadHistory::new);
    }

    @GET
    @Path("score")
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(
            operationId = "getLeadScore",
            summary = "A lead's score explained rule by rule",
            description = "Every enabled scoring rule the lead is held to, whether its condition holds now and the "
                    + "points it gives, beside the score stored at the lead's last change.")
    @APIResponse(
            responseCode = "200",
            description = "The explanation",
            content = @Content(schema = @Schema(implementation = LeadScoreView.class)))
    public Uni<LeadScoreView> score(@PathParam("id") UUID id) {
        return leads.score(id);
    }
}
