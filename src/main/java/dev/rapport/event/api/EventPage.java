package dev.rapport.event.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("EventPage")
@Description("A page of the change feed")
@Schema(name = "EventPage", description = "A page of the change feed, oldest first")
public record EventPage(
        @Schema(description = "Events, oldest first") @Description("Events, oldest first")
        List<EventView> data,

        @Schema(
                description = "Where to continue: pass it as `after` next time. Always present, also when no "
                        + "event is new yet, so that a client can keep polling from it.")
        @Description("Where to continue; always present, also when no event is new yet")
        String nextCursor,

        @Schema(description = "Whether more events are ready right now")
        @Description("Whether more events are ready right now")
        boolean hasMore) {}
