package dev.rapport.event.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Type("Event")
@Description("A change that committed: the envelope webhooks deliver too")
@Schema(name = "Event", description = "A change that committed. The same envelope is delivered to webhooks.")
public record EventView(
        @Schema(description = "Event id; stable, use it to deduplicate")
        @Description("Event id; stable, use it to deduplicate")
        UUID id,

        @Schema(description = "Event type, `<resource>.<what happened>`", examples = "customer.updated")
        @Description("Event type, <resource>.<what happened>")
        String type,

        @Schema(description = "When the change was made") @Description("When the change was made")
        OffsetDateTime createdAt,

        @Schema(description = "Kind of record the event is about", examples = "customer")
        @Description("Kind of record the event is about")
        String subjectType,

        @Schema(description = "Id of that record") @Description("Id of that record")
        UUID subjectId,

        @Schema(
                description = "The payload, a JSON object whose schema depends on "
                        + "`type`: the record as the API shows it (customer.created: Customer, purchase.recorded: Purchase, "
                        + "interaction.logged: Interaction), or what changed (customer.updated: CustomerUpdatedData, "
                        + "customer.deleted: CustomerDeletedData, webhook_endpoint.*: WebhookEndpointEventData)")
        @Ignore
        JsonNode data) {}
