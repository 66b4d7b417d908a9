package dev.rapport.segment;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import dev.rapport.segment.api.SegmentMemberPage;
import dev.rapport.segment.api.SegmentMemberView;
import io.smallrye.mutiny.Uni;

/** The segments of one customer: the segment domain's part of the customer 360 view. */
@Path("/v1/customers/{id}/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
public class CustomerSegmentsResource {

    private final SegmentService service;

    CustomerSegmentsResource(SegmentService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.SEGMENTS_READ)
    @Operation(operationId = "listCustomerSegments", summary = "The segments a customer belongs to, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of memberships",
            content = @Content(schema = @Schema(implementation = SegmentMemberPage.class)))
    public Uni<Page<SegmentMemberView>> segments(@PathParam("id") UUID id, @BeanParam PageParameters paging) {
        return service.segmentsOf(id, paging.page(SegmentService.MEMBERS));
    }
}
