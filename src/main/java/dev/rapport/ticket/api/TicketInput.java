package dev.rapport.ticket.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import dev.rapport.platform.json.JsonObjectText;

/**
 * GraphQL's shape of {@link CreateTicketRequest}: custom attributes travel as JSON text. Validation happens on the
 * request it converts to, exactly as for REST.
 */
@Input("TicketInput")
@Description("A ticket to open")
public record TicketInput(
        @Description("The requester, a customer id; or give requesterEmail")
        UUID customerId,

        @Description("The requester's email: resolves to, or creates, a customer in the caller's scope")
        String requesterEmail,

        @Description("Subject") String subject,

        @Description("new, open, pending, on_hold; new when omitted")
        String status,

        @Description("low, normal, high or urgent; normal when omitted")
        String priority,

        @Description("question, incident, problem or task") String type,

        @Description("email, chat, phone, web, social or in_app")
        String channel,

        @Description("User id of the agent working it") String assigneeId,
        @Description("Team") String team,
        @Description("Free tags") List<String> tags,

        @Description("Custom attributes as a JSON object, for example {\"orderRef\": \"A-17\"}")
        String attributes,

        @Description("The closed ticket this one follows up")
        UUID followUpOf,

        @Description("The first message") CreateTicketMessageRequest message) {

    private static final JsonObjectText ATTRIBUTES = new JsonObjectText();

    public CreateTicketRequest toRequest() throws Exception {
        Map<String, Object> parsed = attributes == null ? null : ATTRIBUTES.from(attributes);
        return new CreateTicketRequest(
                customerId,
                requesterEmail,
                subject,
                status,
                priority,
                type,
                channel,
                assigneeId,
                team,
                tags,
                parsed,
                followUpOf,
                message);
    }
}
