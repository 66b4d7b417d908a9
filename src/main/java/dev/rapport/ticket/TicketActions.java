package dev.rapport.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.action.ActionCall;
import dev.rapport.platform.action.ActionSettings;
import dev.rapport.platform.action.ActionSource;
import dev.rapport.platform.action.ActionType;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.ticket.api.CreateTicketMessageRequest;
import dev.rapport.ticket.api.CreateTicketRequest;
import io.smallrye.mutiny.Uni;

/**
 * What a trigger can do with tickets: open one for the customer it fired for, with a subject (and message) written
 * from the firing event ({@code {{data.orderRef}}}, {@code {{type}}}), through {@link TicketService} so it is
 * validated, numbered, held to its SLA and evented like one opened through the API.
 */
@ApplicationScoped
class TicketActions implements ActionSource {

    /** {@code {{type}}} or {@code {{data.a.b}}}: the firing event's type, or a value of its data. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(type|data(?:\\.[A-Za-z0-9_]+)+)\\s*}}");

    private static final Pattern SUBJECT = Pattern.compile("[^\\p{Cntrl}]{1,500}");
    private static final Pattern PRIORITY = Pattern.compile("low|normal|high|urgent");
    private static final Pattern TEAM = Pattern.compile("[\\p{L}\\p{N}_:. -]{1,100}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_:.-]{1,50}");
    private static final Set<String> SETTINGS = Set.of("subject", "priority", "team", "tags", "message");

    private final TicketService tickets;

    TicketActions(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public List<ActionType> actions() {
        return List.of(new CreateTicket());
    }

    private final class CreateTicket implements ActionType {

        @Override
        public String name() {
            return "createTicket";
        }

        @Override
        public String description() {
            return "Opens a ticket for the customer. Settings: subject (up to 500 characters), and optionally "
                    + "priority (low, normal, high, urgent), team, tags and message (the first message, an "
                    + "internal note); subject and message may quote the firing event: {{type}}, {{data.orderRef}}.";
        }

        @Override
        public Uni<List<FieldError>> check(JsonNode settings, String partnerId) {
            ActionSettings read = ActionSettings.of(settings);
            read.text("subject", SUBJECT, "1 to 500 characters");
            if (read.has("priority")) {
                read.text("priority", PRIORITY, "low, normal, high or urgent");
            }
            if (read.has("team")) {
                read.text("team", TEAM, "1 to 100 letters, digits, spaces or _:.-");
            }
            if (read.has("tags")) {
                read.texts("tags", 20, TAG, "1 to 50 letters, digits or _:.-");
            }
            if (read.has("message")) {
                read.text("message", Pattern.compile("(?s).{1,10000}"), "1 to 10,000 characters");
            }
            return Uni.createFrom().item(read.errors(SETTINGS));
        }

        @Override
        public Uni<String> preview(ActionCall call) {
            call.requireCustomer();
            return Uni.createFrom().item("would open a ticket \"" + subject(call) + "\"");
        }

        @Override
        public Uni<String> run(ActionCall call) {
            CreateTicketRequest request = request(call);
            return tickets.createFor(request, call.partnerId())
                    .map(ticket -> "opened ticket " + ticket.number() + " \"" + ticket.subject() + "\"");
        }
    }

    private static CreateTicketRequest request(ActionCall call) {
        JsonNode settings = call.settings();
        List<String> tags = new ArrayList<>();
        if (settings.hasNonNull("tags")) {
            settings.get("tags").forEach(tag -> tags.add(tag.textValue()));
        }
        CreateTicketMessageRequest message = settings.hasNonNull("message")
                ? new CreateTicketMessageRequest(
                        TicketMessage.INTERNAL,
                        TicketMessage.AGENT,
                        "automation",
                        fill(settings.get("message").textValue(), call, 10_000),
                        null,
                        null)
                : null;
        return new CreateTicketRequest(
                call.requireCustomer(),
                null,
                subject(call),
                null,
                settings.hasNonNull("priority") ? settings.get("priority").textValue() : null,
                null,
                null,
                null,
                settings.hasNonNull("team") ? settings.get("team").textValue() : null,
                tags,
                Map.of(),
                null,
                message);
    }

    private static String subject(ActionCall call) {
        return fill(call.settings().get("subject").textValue(), call, 500);
    }

    /** The text with its placeholders replaced by the event's values (empty when absent), cut to {@code max}. */
    static String fill(String template, ActionCall call, int max) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1), call)));
        }
        matcher.appendTail(out);
        String filled = out.toString().replaceAll("\\p{Cntrl}", " ").trim();
        return filled.length() > max ? filled.substring(0, max) : filled;
    }

    private static String value(String path, ActionCall call) {
        if (path.equals("type")) {
            return call.eventType() == null ? "" : call.eventType();
        }
        JsonNode node = call.eventData();
        for (String part : path.substring("data.".length()).split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText();
    }
}
