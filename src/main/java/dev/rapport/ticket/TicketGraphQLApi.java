package dev.rapport.ticket;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.JsonObjectText;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.time.Plausible;
import dev.rapport.platform.web.GraphQLArguments;
import dev.rapport.ticket.api.CreateTicketMessageRequest;
import dev.rapport.ticket.api.CreateTicketRequest;
import dev.rapport.ticket.api.CustomerTickets;
import dev.rapport.ticket.api.TicketInput;
import dev.rapport.ticket.api.TicketMessageView;
import dev.rapport.ticket.api.TicketMetrics;
import dev.rapport.ticket.api.TicketPage;
import dev.rapport.ticket.api.TicketSlaView;
import dev.rapport.ticket.api.TicketStatusChangeView;
import dev.rapport.ticket.api.TicketView;
import io.smallrye.mutiny.Uni;

/**
 * Tickets in GraphQL: the same services, rules and error codes as REST. Nested lists are batched: a page of
 * tickets with their messages, or of customers with their tickets, costs one statement per nested field.
 */
@GraphQLApi
public class TicketGraphQLApi {

    private static final int MAX_MESSAGES = 100;
    private static final JsonObjectText ATTRIBUTES = new JsonObjectText();

    private final TicketService tickets;
    private final TicketMetricsService metrics;
    private final TicketSlaService sla;
    private final ObjectMapper json;

    TicketGraphQLApi(TicketService tickets, TicketMetricsService metrics, TicketSlaService sla, ObjectMapper json) {
        this.tickets = tickets;
        this.metrics = metrics;
        this.sla = sla;
        this.json = json;
    }

    @Query("ticketMetrics")
    @Description("Support figures by period and group, as GET /v1/tickets/metrics")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<TicketMetrics> ticketMetrics(
            @Description("Range start; 30 days before to when null") @Plausible(ahead = "P366D") OffsetDateTime from,
            @Description("Range end, exclusive; now when null") @Plausible(ahead = "P366D") OffsetDateTime to,
            @Description("day, week or month; week when null") String interval,
            @Description("priority, channel, team or assignee") String groupBy) {
        return metrics.metrics(from, to, interval, groupBy);
    }

    @Query("ticket")
    @Description("One ticket by id")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<TicketView> ticket(@NonNull @Id String id) {
        return tickets.get(GraphQLArguments.id(id));
    }

    @Query("tickets")
    @Description("Tickets, filtered, searched and sorted like GET /v1/tickets; cursor-paged")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<TicketPage> tickets(
            @Description("RSQL filter, for example status=in=(new,open);priority==urgent") String filter,
            @Description("Free-text search in subjects and numbers") String q,
            @Description("Sort field, - prefix for descending: createdAt, updatedAt, slaDueAt, status, priority, "
                            + "assigneeId")
                    String sort,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return tickets.list(ListParameters.of(limit, after, filter, sort, q))
                .map(page -> new TicketPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Name("attributes")
    @RolesAllowed(Roles.TICKETS_READ)
    @Description("Custom attributes as a JSON object")
    public String attributes(@Source TicketView ticket) throws Exception {
        return ATTRIBUTES.to(ticket.attributes());
    }

    @Name("messages")
    @Description("The ticket's first messages, oldest first (the paged list is GET /v1/tickets/{id}/messages)")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<List<List<TicketMessageView>>> messages(
            @Source List<TicketView> sources, @Description("How many, at most 100") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_MESSAGES) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_MESSAGES);
        }
        List<UUID> ids = sources.stream().map(TicketView::id).toList();
        return tickets.messagesOf(ids, limit)
                .map(byTicket -> ids.stream()
                        .map(id -> byTicket.getOrDefault(id, List.of()))
                        .toList());
    }

    @Name("history")
    @Description("Every status the ticket took, oldest first")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<List<List<TicketStatusChangeView>>> history(@Source List<TicketView> sources) {
        List<UUID> ids = sources.stream().map(TicketView::id).toList();
        return tickets.historyOf(ids)
                .map(byTicket -> ids.stream()
                        .map(id -> byTicket.getOrDefault(id, List.of()))
                        .toList());
    }

    @Name("sla")
    @Description("The ticket's SLA clocks, read now")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<TicketSlaView> sla(@Source TicketView ticket) {
        return sla.ticketSla(ticket.id());
    }

    @Name("tickets")
    @Description("The ticket domain's part of the 360 view: open tickets and the most recent ones")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<List<CustomerTickets>> customerTickets(@Source List<CustomerView> sources) {
        List<UUID> ids = sources.stream().map(CustomerView::id).toList();
        return tickets.forCustomers(ids)
                .map(parts -> ids.stream().map(parts::get).toList());
    }

    @Mutation("createTicket")
    @Description("Open a ticket")
    @RolesAllowed(Roles.TICKETS_WRITE)
    public Uni<TicketView> createTicket(@NonNull TicketInput input) {
        CreateTicketRequest request;
        try {
            request = input.toRequest();
        } catch (Exception e) {
            throw DomainException.invalid("attributes", "must be a JSON object");
        }
        return tickets.create(request);
    }

    @Mutation("updateTicket")
    @Description("Change a ticket with a JSON merge patch, the same document PATCH /v1/tickets/{id} takes")
    @RolesAllowed(Roles.TICKETS_WRITE)
    public Uni<TicketView> updateTicket(
            @NonNull @Id String id,
            @NonNull @Description("JSON merge patch, for example {\"status\": \"solved\"}") String patch,
            @Description("The version the change is based on; a stale one fails with precondition-failed")
                    Long ifMatchVersion) {
        return tickets.update(
                GraphQLArguments.id(id),
                GraphQLArguments.json(json, patch),
                ifMatchVersion == null ? null : ETags.of(ifMatchVersion));
    }

    @Mutation("addTicketMessage")
    @Description("Add a public reply or an internal note to a ticket")
    @RolesAllowed(Roles.TICKETS_WRITE)
    public Uni<TicketMessageView> addTicketMessage(
            @NonNull @Id String ticketId, @NonNull CreateTicketMessageRequest input) {
        return tickets.addMessage(GraphQLArguments.id(ticketId), input);
    }
}
