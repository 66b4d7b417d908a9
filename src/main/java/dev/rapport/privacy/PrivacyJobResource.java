package dev.rapport.privacy;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.security.Roles;
import dev.rapport.privacy.api.PrivacyJobView;
import dev.rapport.privacy.api.PrivacyRequest;
import io.smallrye.mutiny.Uni;

@Path("/v1/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Legal holds, exports and erasures of customers' personal data")
public class PrivacyJobResource {

    private static final String EXPORTS = "/v1/privacy/exports";
    private static final String ERASURES = "/v1/privacy/erasures";

    private final PrivacyJobService service;
    private final IdempotentRequests idempotency;

    PrivacyJobResource(PrivacyJobService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Path("exports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_MANAGE)
    @Operation(
            operationId = "requestExport",
            summary = "Export a customer's data (a subject access request)",
            description = "Queues a job that gathers the customer's whole record across domains (and the duplicates"
                    + " merged into it) into one JSON document; GET the Location for its progress and then the"
                    + " document, which is kept for rapport.privacy.export-retention. Appends"
                    + " customer.export_requested (and so an audit entry). Needs privacy:manage (admins).")
    @APIResponse(
            responseCode = "202",
            description = "Queued; Location is the job",
            content = @Content(schema = @Schema(implementation = PrivacyJobView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Uni<Response> export(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull PrivacyRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST " + EXPORTS,
                request,
                () -> service.request(PrivacyJobs.EXPORT, request).map(requested -> answer(EXPORTS, requested)));
    }

    @GET
    @Path("exports/{id}")
    @RolesAllowed(Roles.PRIVACY_MANAGE)
    @Operation(
            operationId = "getExport",
            summary = "An export job: its progress, and once it succeeded the customer's data as one document")
    @APIResponse(
            responseCode = "200",
            description = "The job",
            content = @Content(schema = @Schema(implementation = PrivacyJobView.class)))
    public Uni<PrivacyJobView> getExport(@PathParam("id") UUID id) {
        return service.get(PrivacyJobs.EXPORT, id);
    }

    @POST
    @Path("erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_MANAGE)
    @Operation(
            operationId = "requestErasure",
            summary = "Erase a customer's personal data",
            description = "Queues a job that, in one transaction, removes or irreversibly anonymizes the customer's"
                    + " personal data in every domain (and that of the duplicates merged into it) while keeping what"
                    + " the business must keep: purchases and ledger sums, survey scores without the person, ticket"
                    + " and lead figures. The events already logged about the customer's records, and the webhook"
                    + " deliveries made of them, keep only ids, times, kinds and numbers. The job ends with a"
                    + " cascade report (per table, what was deleted, anonymized or kept) and appends customer.erased,"
                    + " a tombstone without personal data for downstream systems. Refused (409) while a legal hold"
                    + " stands; asking again while an erasure of the customer is queued or running answers that"
                    + " one (200). Needs privacy:manage (admins).")
    @APIResponse(
            responseCode = "202",
            description = "Queued; Location is the job",
            content = @Content(schema = @Schema(implementation = PrivacyJobView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    @APIResponse(
            responseCode = "200",
            description = "An erasure of the customer was queued already: that job",
            content = @Content(schema = @Schema(implementation = PrivacyJobView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Uni<Response> erase(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull PrivacyRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST " + ERASURES,
                request,
                () -> service.request(PrivacyJobs.ERASURE, request).map(requested -> answer(ERASURES, requested)));
    }

    @GET
    @Path("erasures/{id}")
    @RolesAllowed(Roles.PRIVACY_MANAGE)
    @Operation(
            operationId = "getErasure",
            summary = "An erasure job: its progress, and once it succeeded its cascade report")
    @APIResponse(
            responseCode = "200",
            description = "The job",
            content = @Content(schema = @Schema(implementation = PrivacyJobView.class)))
    public Uni<PrivacyJobView> getErasure(@PathParam("id") UUID id) {
        return service.get(PrivacyJobs.ERASURE, id);
    }

    private static StoredResponse answer(String path, PrivacyJobService.Requested requested) {
        return new StoredResponse(
                requested.queued() ? 202 : 200,
                requested.job(),
                path + "/" + requested.job().id(),
                null);
    }
}
