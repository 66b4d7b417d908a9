package dev.rapport.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.api.CustomerPage;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.DataQualityReport;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/data-quality/report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data quality", description = "Stale, unreachable and duplicate customer records")
public class DataQualityResource {

    private static final String MONTHS_DOC = "The inactivity cut-off in months, 1 to 120 (default 12)";

    private final DataQualityService service;

    DataQualityResource(DataQualityService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(
            operationId = "dataQualityReport",
            summary = "How many live customers each data-quality check finds",
            description = "Checks: inactive (no purchase, interaction or profile change for inactiveMonths), "
                    + "invalid_phone, no_contact_point, missing_consents, duplicates. A partner's report covers its "
                    + "own customers. Computed on each call over every live customer.")
    @APIResponse(
            responseCode = "200",
            description = "The counts",
            content = @Content(schema = @Schema(implementation = DataQualityReport.class)))
    public Uni<DataQualityReport> report(
            @Parameter(description = MONTHS_DOC, schema = @Schema(type = SchemaType.INTEGER, defaultValue = "12"))
                    @QueryParam("inactiveMonths")
                    String inactiveMonths) {
        return service.report(inactiveMonths);
    }

    @GET
    @Path("{check}")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(
            operationId = "dataQualityCustomers",
            summary = "The customers one data-quality check finds, newest first",
            description = "Cursor-paged; 404 for a check that does not exist.")
    @APIResponse(
            responseCode = "200",
            description = "A page of customers",
            content = @Content(schema = @Schema(implementation = CustomerPage.class)))
    public Uni<Page<CustomerView>> customers(
            @Parameter(description = "inactive, invalid_phone, no_contact_point, missing_consents or duplicates")
                    @PathParam("check")
                    String check,
            @Parameter(description = MONTHS_DOC, schema = @Schema(type = SchemaType.INTEGER, defaultValue = "12"))
                    @QueryParam("inactiveMonths")
                    String inactiveMonths,
            @BeanParam PageParameters paging) {
        return service.customers(check, inactiveMonths, paging.page(DataQualityService.NEWEST_FIRST));
    }
}
