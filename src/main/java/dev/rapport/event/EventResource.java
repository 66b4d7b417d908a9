package dev.rapport.event;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import dev.rapport.event.api.EventPage;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "The change feed: every committed change, once, in order")
public class EventResource {

    private final EventService service;

    EventResource(EventService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.EVENTS_READ)
    @Operation(
            operationId = "readEvents",
            summary = "Read the change feed",
            description = "Returns every committed event once, oldest first, after the cursor. Keep the `nextCursor` "
                    + "and pass it as `after` to continue; it is present even when nothing is new, so the same call "
                    + "polls. An event whose transaction is still running is returned after it commits, never skipped. "
                    + "A partner client reads only the events of its own records. Events are kept for 30 days.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    public Uni<EventPage> feed(
            @Parameter(description = "The nextCursor of the previous call; omit to start at the oldest event")
                    @QueryParam("after")
                    String after,
            @Parameter(
                            description = "Comma-separated event types, * as a wildcard part",
                            example = "customer.*,purchase.recorded")
                    @QueryParam("types")
                    String types,
            @Parameter(
                            description = "Page size, 1 to 100",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                    @QueryParam("limit")
                    String limit) {
        return service.feed(after, types, limit);
    }
}
