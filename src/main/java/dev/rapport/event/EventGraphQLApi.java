package dev.rapport.event;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.rapport.event.api.EventPage;
import dev.rapport.event.api.EventView;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** The change feed in GraphQL: the same cursor, types and visibility as GET /v1/events. */
@GraphQLApi
public class EventGraphQLApi {

    private final EventService events;

    EventGraphQLApi(EventService events) {
        this.events = events;
    }

    @Query("events")
    @Description(
            "Every committed event once, oldest first, after the cursor; keep nextCursor and pass it as after to continue")
    @RolesAllowed(Roles.EVENTS_READ)
    public Uni<EventPage> events(
            @Description("nextCursor of the previous call; omit to start at the oldest") String after,
            @Description("Comma-separated event types, * as a wildcard part, for example customer.*") String types,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit) {
        return events.feed(after, types, String.valueOf(limit));
    }

    @Name("data")
    @Description("The payload as JSON text")
    @RolesAllowed(Roles.EVENTS_READ)
    public List<String> data(@Source List<EventView> events) {
        return events.stream().map(e -> e.data().toString()).toList();
    }
}
