package dev.rapport.customer;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.api.ImportErrorPage;
import dev.rapport.customer.api.ImportPartView;
import dev.rapport.customer.api.ImportRequest;
import dev.rapport.customer.api.ImportView;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk imports of customers from NDJSON or CSV files")
public class CustomerImportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final CustomerImportService service;

    CustomerImportResource(CustomerImportService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMERS_IMPORT)
    @Operation(
            operationId = "createImport",
            summary = "Create an import of customers",
            description = "The import then takes its file in parts (PUT .../parts/{n}) and runs once started"
                    + " (POST .../start). Needs customers:import.")
    @APIResponse(
            responseCode = "201",
            description = "Created, receiving parts; Location is the import",
            content = @Content(schema = @Schema(implementation = ImportView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Uni<Response> create(@Valid @NotNull ImportRequest request) {
        return service.create(request)
                .map(view -> Response.status(201)
                        .header("Location", "/v1/imports/" + view.id())
                        .entity(view)
                        .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.CUSTOMERS_IMPORT)
    @Operation(operationId = "getImport", summary = "An import and its progress")
    @APIResponse(
            responseCode = "200",
            description = "The import",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    public Uni<ImportView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}/parts/{part}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CUSTOMERS_IMPORT)
    @Operation(
            operationId = "putImportPart",
            summary = "Send a part of the import's file",
            description = "Parts are numbered from 1, each up to the service's request size (1 MB by default:"
                    + " about 5,000 customers) and cut between rows; CSV's header line opens part 1. The import's format says how the"
                    + " body is read, whatever its content type (application/x-ndjson or text/csv, say). Sending a"
                    + " part again replaces it, so a part that failed on the way is simply sent again.")
    @RequestBody(
            content = {
                @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "200",
            description = "Received",
            content = @Content(schema = @Schema(implementation = ImportPartView.class)))
    public Uni<ImportPartView> part(
            @PathParam("id") UUID id,
            @Parameter(description = "The part's number, from 1") @PathParam("part") String part,
            String body) {
        return service.receive(id, number(part), body == null ? "" : body);
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed(Roles.CUSTOMERS_IMPORT)
    @Operation(
            operationId = "startImport",
            summary = "Start applying an import's rows, once all its parts are in",
            description = "Rows are applied in the background in batches, each batch one transaction: a row is"
                    + " applied whole or reported among the errors. Appends customer_import.started (and so an"
                    + " audit entry), and customer_import.finished at the end; every customer created or updated"
                    + " has its customer.created or customer.updated event.")
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    public Uni<Response> start(@PathParam("id") UUID id) {
        return service.start(id).map(view -> Response.accepted(view).build());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.CUSTOMERS_IMPORT)
    @Operation(
            operationId = "cancelImport",
            summary = "Cancel an import",
            description = "No further batch is applied; the batches applied stay (each of their rows is whole).")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    public Uni<ImportView> cancel(@PathParam("id") UUID id) {
        return service.cancel(id);
    }

    @GET
    @Path("{id}/errors")
    @RolesAllowed(Roles.CUSTOMERS_IMPORT)
    @Operation(operationId = "listImportErrors", summary = "The rows an import could not apply, and why, in row order")
    @APIResponse(
            responseCode = "200",
            description = "A page of errors",
            content = @Content(schema = @Schema(implementation = ImportErrorPage.class)))
    public Uni<ImportErrorPage> errors(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "Page size, 1 to 100",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after") String after) {
        return service.errors(id, after, limit(limit));
    }

    private static int number(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("part", "must be a number from 1 to " + CustomerImportService.MAX_PARTS);
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 20;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalid("limit", "must be a number from 1 to 100");
    }
}
