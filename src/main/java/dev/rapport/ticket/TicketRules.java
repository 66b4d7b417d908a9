package dev.rapport.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.filter.SearchText;
import dev.rapport.platform.json.CustomAttributes;
import dev.rapport.platform.json.Tags;
import dev.rapport.ticket.api.CreateTicketMessageRequest;
import dev.rapport.ticket.api.CreateTicketRequest;

/** The rules of a ticket's fields beyond bean validation: normalized values, and HTML made safe to show. */
final class TicketRules {

    /** Basic formatting and links; every link https or mailto and opened without the referrer. */
    private static final Safelist HTML = Safelist.basic()
            .removeProtocols("a", "href", "http", "ftp")
            .addTags("h1", "h2", "h3", "pre", "span")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    /** The statuses a ticket may be created in (solving or closing one is a change of its own). */
    private static final Set<String> OPENING = Set.of("new", "open", "pending", "on_hold");

    private TicketRules() {}

    /** The request with trimmed text, lower-cased distinct tags and checked attributes, or a validation problem. */
    static CreateTicketRequest normalize(CreateTicketRequest in) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> attributes = CustomAttributes.checked(in.attributes(), errors);
        if (in.subject() != null && in.subject().isBlank()) {
            errors.add(new FieldError("subject", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        List<String> tags = Tags.normalized(in.tags());
        return new CreateTicketRequest(
                in.customerId(),
                in.requesterEmail(),
                in.subject() == null ? null : in.subject().trim(),
                in.status(),
                in.priority() == null ? "normal" : in.priority(),
                in.type(),
                in.channel(),
                blankToNull(in.assigneeId()),
                blankToNull(in.team()),
                tags,
                attributes,
                in.followUpOf(),
                in.message());
    }

    /** The checks of a create beyond a patch's: who the requester is, and the status it opens in. */
    static void checkCreate(CreateTicketRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if ((request.customerId() == null) == (request.requesterEmail() == null)) {
            errors.add(new FieldError("customerId", "give either customerId or requesterEmail"));
        }
        if (request.status() != null && !OPENING.contains(request.status())) {
            errors.add(new FieldError("status", "a ticket opens as new, open, pending or on_hold"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /** A message with a body, its HTML sanitized. */
    static CreateTicketMessageRequest normalize(CreateTicketMessageRequest in, String field) {
        if (in.attachments() != null && in.attachments().contains(null)) {
            throw DomainException.invalid(
                    field.equals("message") ? "message.attachments" : "attachments", "must not hold null");
        }
        String html = in.bodyHtml() == null ? null : sanitize(in.bodyHtml());
        String text = blankToNull(in.bodyText());
        if (text == null && (html == null || Jsoup.parse(html).text().isBlank())) {
            throw DomainException.invalid(field, "a message needs a bodyText or a bodyHtml with text");
        }
        return new CreateTicketMessageRequest(
                in.visibility() == null ? TicketMessage.PUBLIC : in.visibility(),
                in.authorType() == null ? TicketMessage.AGENT : in.authorType(),
                blankToNull(in.authorId()),
                text,
                html,
                in.attachments());
    }

    /** HTML that shows the same text and basic formatting and can run nothing. */
    static String sanitize(String html) {
        return Jsoup.clean(html, "", HTML, COMPACT);
    }

    static String searchText(Ticket ticket) {
        return SearchText.searchable(ticket.subject + " " + TicketMapper.number(ticket.number));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
