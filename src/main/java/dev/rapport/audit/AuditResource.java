package dev.rapport.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.audit.api.AuditEntryPage;
import dev.rapport.audit.api.AuditEntryView;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.QueryParameters;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/v1/audit-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, and when (admins only)")
public class AuditResource {

    private final AuditService service;

    AuditResource(AuditService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.AUDIT_READ)
    @Operation(
            operationId = "listAuditEntries",
            summary = "List audit entries, newest first",
            description = "`filter` takes RSQL over actor, clientId, partnerId, requestId, action, resourceType, "
                    + "resourceId and occurredAt; for example `resourceId==<customer id>` or "
                    + "`actor==alice.agent;occurredAt=ge=2026-11-01`.")
    @APIResponse(
            responseCode = "200",
            description = "A page of audit entries",
            content = @Content(schema = @Schema(implementation = AuditEntryPage.class)))
    public Uni<Page<AuditEntryView>> list(
            @BeanParam PageParameters paging,
            @Parameter(description = "RSQL filter expression", example = "action==customer.deleted")
                    @QueryParam("filter")
                    String filter,
            @Context HttpServerRequest request) {
        return service.list(QueryParameters.keepingSemicolons(request, "filter", filter), paging);
    }
}
