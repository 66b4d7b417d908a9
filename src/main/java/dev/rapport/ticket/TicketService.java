package dev.rapport.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.customer.CustomerService;
import dev.rapport.event.EventLog;
import dev.rapport.event.PendingEvents;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.ticket.api.CreateTicketMessageRequest;
import dev.rapport.ticket.api.CreateTicketRequest;
import dev.rapport.ticket.api.CustomerTickets;
import dev.rapport.ticket.api.TicketMessageView;
import dev.rapport.ticket.api.TicketStatusChangeView;
import dev.rapport.ticket.api.TicketView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Tickets: creation with the requester resolved, changes along the status table, messages and what they move (the
 * first response, a reopening), the SLA kept in step ({@link TicketSlaWriter}), the requester's ticket facts, and
 * an event for each change in its transaction. Reads go through {@link TicketQueries}. It is longer than a service
 * should be because it holds the whole write path of a ticket (create, patch, message, move, close), so that the
 * order it locks rows in and the events each change appends stay in one place.
 */
@ApplicationScoped
public class TicketService {

    /** How many recent tickets the customer 360 view carries. */
    public static final int RECENT = 5;

    /** A ticket's messages, oldest first. */
    static final Sort MESSAGES = TicketQueries.MESSAGES;

    /** Fields fixed at creation: a patch that changes one is refused. */
    private static final List<String> CREATE_ONLY = List.of("customerId", "requesterEmail", "followUpOf", "message");

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketQueries queries;
    private final TicketSlaWriter sla;
    private final TicketMapper mapper;
    private final CustomerService customers;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    TicketService(
            TicketRepository tickets,
            TicketMessageRepository messages,
            TicketQueries queries,
            TicketSlaWriter sla,
            TicketMapper mapper,
            CustomerService customers,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.queries = queries;
        this.sla = sla;
        this.mapper = mapper;
        this.customers = customers;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<TicketView> create(CreateTicketRequest request) {
        return create(request, caller.partnerScope());
    }

    /** Opens a ticket for a partner (null: in-house): a trigger's, in the transaction of its action. */
    @WithTransaction
    Uni<TicketView> createFor(CreateTicketRequest request, String partnerId) {
        return create(request, partnerId);
    }

    /**
     * Opens a ticket another domain's follow-up asks for (a detractor's survey answer), in the current transaction,
     * for a partner (null: in-house), validated, numbered and held to its SLA like one opened through the API.
     */
    @WithTransaction
    public Uni<TicketView> openFollowUp(CreateTicketRequest request, String partnerId) {
        return create(request, partnerId);
    }

    /** The customers among {@code customerIds} with an open ticket, read in the current transaction. */
    @WithTransaction
    public Uni<java.util.Set<UUID>> withOpenTickets(List<UUID> customerIds) {
        return customerIds.isEmpty() ? Uni.createFrom().item(java.util.Set.of()) : tickets.withOpenTickets(customerIds);
    }

    private Uni<TicketView> create(CreateTicketRequest request, String scope) {
        patches.validate(request);
        TicketRules.checkCreate(request);
        CreateTicketRequest normalized = TicketRules.normalize(request);
        CreateTicketMessageRequest first =
                normalized.message() == null ? null : TicketRules.normalize(normalized.message(), "message");
        OffsetDateTime now = Clocks.now(clock);
        Ticket ticket = new Ticket();
        ticket.id = Ids.newId();
        ticket.partnerId = scope;
        ticket.partnerScope = scope == null ? "" : scope;
        ticket.status = normalized.status() == null ? TicketStatus.NEW.wire() : normalized.status();
        ticket.followUpOf = normalized.followUpOf();
        ticket.createdAt = now;
        ticket.updatedAt = now;
        mapper.apply(normalized, ticket);
        Changes changes = new Changes();
        return customers
                .requester(normalized.customerId(), normalized.requesterEmail())
                .invoke(customerId -> ticket.customerId = customerId)
                .chain(() -> checkFollowUp(ticket.followUpOf))
                .chain(() -> tickets.nextNumber(ticket.partnerScope))
                .chain(number -> {
                    ticket.number = number;
                    ticket.searchText = TicketRules.searchText(ticket);
                    return tickets.persistAndFlush(ticket);
                })
                .chain(() -> tickets.recordStatus(ticket.id, null, ticket.status, now, caller.name()))
                .chain(() -> first == null ? Uni.createFrom().voidItem() : addMessage(ticket, first, now, changes))
                .chain(() -> sla.refresh(ticket, true, now.toInstant()))
                .chain(() -> tickets.adjustFacts(ticket.customerId, isOpen(ticket.status) ? 1 : 0, 1, now))
                .chain(() -> tickets.flush())
                .chain(() -> {
                    TicketView view = mapper.toView(ticket);
                    return append(TicketEvent.CREATED, ticket, view)
                            .chain(() -> changes.appendAll())
                            .replaceWith(view);
                });
    }

    /** One ticket the caller may see. */
    public Uni<TicketView> get(UUID id) {
        return queries.find(id, caller.partnerScope()).map(view -> found(view, id));
    }

    /** A page of tickets matching the list's filter and search (a partner's own only), in its order. */
    public Uni<Page<TicketView>> list(ListParameters list) {
        PageRequest page = list.page(TicketQueries.SORTS, TicketQueries.DEFAULT_SORT);
        return queries.list(list.filter(), list.query(), caller.partnerScope(), page);
    }

    /**
     * Applies a JSON merge patch: the current ticket is rendered as a {@link CreateTicketRequest}, the patch merged
     * in, and the result validated like a create. A status change must follow the status table.
     */
    @WithTransaction
    public Uni<TicketView> update(UUID id, JsonNode patch, String ifMatch) {
        return visible(id)
                .chain(ticket -> {
                    ETags.checkIfMatch(ifMatch, ticket.version);
                    return patch(ticket, patch);
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    private Uni<TicketView> patch(Ticket ticket, JsonNode patch) {
        MergePatches.Patched<CreateTicketRequest> patched = patches.apply(mapper.toRequest(ticket), patch);
        if (!patched.changed()) {
            return Uni.createFrom().item(mapper.toView(ticket));
        }
        patched.changedFields().stream()
                .filter(CREATE_ONLY::contains)
                .findFirst()
                .ifPresent(field -> {
                    throw DomainException.invalid(field, "is set when the ticket is created and cannot change");
                });
        CreateTicketRequest request = TicketRules.normalize(patched.value());
        OffsetDateTime now = Clocks.now(clock);
        TicketStatus to = TicketStatus.of(request.status());
        ticket.currentStatus().checkMoveTo(to);
        String assigneeBefore = ticket.assigneeId;
        mapper.apply(request, ticket);
        ticket.searchText = TicketRules.searchText(ticket);
        ticket.updatedAt = now;
        Changes changes = new Changes();
        if (!Objects.equals(assigneeBefore, ticket.assigneeId)) {
            changes.add(
                    TicketEvent.ASSIGNED,
                    ticket,
                    () -> new TicketEvent.Assigned(
                            ticket.id,
                            TicketMapper.number(ticket.number),
                            ticket.customerId,
                            assigneeBefore,
                            ticket.assigneeId,
                            ticket.team));
        }
        boolean choose = TicketFields.testedByConditions(patched.changedFields());
        return move(ticket, to, now, changes)
                .chain(() -> sla.refresh(ticket, choose, now.toInstant()))
                .invoke(applied -> {
                    if (applied.changed()) {
                        changes.add(
                                TicketEvent.SLA_POLICY_APPLIED,
                                ticket,
                                () -> new TicketEvent.PolicyApplied(
                                        ticket.id,
                                        TicketMapper.number(ticket.number),
                                        ticket.customerId,
                                        applied.previous(),
                                        applied.current()));
                    }
                })
                .chain(() -> tickets.flush())
                .chain(() -> {
                    TicketView view = mapper.toView(ticket);
                    return append(
                                    TicketEvent.UPDATED,
                                    ticket,
                                    new TicketEvent.Updated(
                                            ticket.id, ticket.customerId, patched.changedFields(), view))
                            .chain(() -> changes.appendAll())
                            .replaceWith(view);
                });
    }

    /** Adds a message; a closed ticket takes none (a follow-up ticket does). */
    @WithTransaction
    public Uni<TicketMessageView> addMessage(UUID ticketId, CreateTicketMessageRequest request) {
        patches.validate(request);
        CreateTicketMessageRequest message = TicketRules.normalize(request, "bodyText");
        OffsetDateTime now = Clocks.now(clock);
        Changes changes = new Changes();
        return visible(ticketId).chain(ticket -> {
            if (ticket.currentStatus() == TicketStatus.CLOSED) {
                throw DomainException.conflict("A closed ticket is final; open a follow-up ticket that links to it");
            }
            ticket.updatedAt = now;
            return addMessage(ticket, message, now, changes)
                    .chain(() -> sla.refresh(ticket, changes.statusChanged, now.toInstant()))
                    .chain(() -> tickets.flush())
                    .chain(() -> changes.appendAll())
                    .replaceWith(() -> changes.message);
        });
    }

    /** A page of a ticket's messages, oldest first. */
    public Uni<Page<TicketMessageView>> messages(UUID ticketId, PageRequest page) {
        return get(ticketId).chain(ticket -> queries.messages(ticketId, true, page));
    }

    /** The first messages of each ticket (a GraphQL batch; the tickets were read by the caller), oldest first. */
    public Uni<Map<UUID, List<TicketMessageView>>> messagesOf(List<UUID> ticketIds, int perTicket) {
        return ticketIds.isEmpty() ? Uni.createFrom().item(Map.of()) : queries.messagesOf(ticketIds, perTicket);
    }

    /** Every status the ticket took, oldest first. */
    public Uni<List<TicketStatusChangeView>> history(UUID ticketId) {
        return get(ticketId)
                .chain(ticket -> queries.history(List.of(ticketId)))
                .map(byTicket -> byTicket.getOrDefault(ticketId, List.of()));
    }

    /** Every status each ticket took (a GraphQL batch; the tickets were read by the caller), oldest first. */
    public Uni<Map<UUID, List<TicketStatusChangeView>>> historyOf(List<UUID> ticketIds) {
        return ticketIds.isEmpty() ? Uni.createFrom().item(Map.of()) : queries.history(ticketIds);
    }

    /** The ticket domain's part of the customer 360 view of each customer, with two statements. */
    public Uni<Map<UUID, CustomerTickets>> forCustomers(List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String scope = caller.partnerScope();
        return queries.openCounts(customerIds, scope)
                .chain(counts -> queries.recent(customerIds, RECENT, scope).map(recent -> {
                    Map<UUID, CustomerTickets> parts = new java.util.HashMap<>();
                    for (UUID id : customerIds) {
                        parts.put(
                                id,
                                new CustomerTickets(
                                        id, counts.getOrDefault(id, 0), recent.getOrDefault(id, List.of())));
                    }
                    return parts;
                }));
    }

    /**
     * Closes a ticket solved before {@code solvedBefore}, in its own transaction (the job that closes solved
     * tickets); nothing when it has changed since it was found.
     */
    @WithTransaction
    Uni<Boolean> closeSolved(UUID id, OffsetDateTime solvedBefore) {
        OffsetDateTime now = Clocks.now(clock);
        Changes changes = new Changes();
        return locked(tickets.findVisible(id, null)).chain(ticket -> {
            if (ticket == null
                    || ticket.currentStatus() != TicketStatus.SOLVED
                    || !ticket.solvedAt.isBefore(solvedBefore)) {
                return Uni.createFrom().item(false);
            }
            ticket.updatedAt = now;
            return move(ticket, TicketStatus.CLOSED, now, changes)
                    .chain(() -> sla.refresh(ticket, false, now.toInstant()))
                    .chain(() -> tickets.flush())
                    .chain(() -> changes.appendAll())
                    .replaceWith(true);
        });
    }

    /** A ticket the caller may change, locked with its clocks, or not-found. */
    Uni<Ticket> visible(UUID id) {
        return locked(tickets.findVisible(id, caller.partnerScope())).map(ticket -> found(ticket, id));
    }

    /**
     * The ticket, and then its SLA clocks, locked until the transaction ends: before the requester's ticket facts,
     * which a change may adjust, as the SLA scheduler locks clocks before those facts (the other order deadlocks
     * with a breach being announced).
     */
    private Uni<Ticket> locked(Uni<Ticket> ticket) {
        return ticket.call(found -> found == null ? Uni.createFrom().voidItem() : tickets.lockClocks(found.id));
    }

    /** A follow-up links to a closed ticket the caller may see. */
    private Uni<Void> checkFollowUp(UUID followUpOf) {
        if (followUpOf == null) {
            return Uni.createFrom().voidItem();
        }
        return queries.find(followUpOf, caller.partnerScope()).map(previous -> {
            if (previous == null || !TicketStatus.CLOSED.wire().equals(previous.status())) {
                throw DomainException.invalid("followUpOf", "must be a closed ticket");
            }
            return null;
        });
    }

    /**
     * Stores a message and what it moves: the first public agent reply is the first response and opens a new
     * ticket; a later one answers the requester's waiting message; a public requester message waits for a reply
     * and reopens a pending or solved ticket.
     */
    private Uni<Void> addMessage(
            Ticket ticket, CreateTicketMessageRequest request, OffsetDateTime now, Changes changes) {
        TicketMessage message = new TicketMessage();
        message.id = Ids.newId();
        message.ticketId = ticket.id;
        message.visibility = request.visibility();
        message.authorType = request.authorType();
        message.authorId = request.authorId() != null
                ? request.authorId()
                : TicketMessage.AGENT.equals(request.authorType()) ? caller.name() : ticket.customerId.toString();
        message.bodyText = request.bodyText();
        message.bodyHtml = request.bodyHtml();
        message.attachments = new TicketRecords.Attachments(
                request.attachments() == null
                        ? List.of()
                        : request.attachments().stream()
                                .map(a -> new TicketRecords.Attachment(a.name(), a.contentType(), a.size(), a.url()))
                                .toList());
        message.createdAt = now;
        TicketMessageView view = mapper.toView(message);
        changes.message = view;
        changes.add(
                TicketEvent.MESSAGE_ADDED,
                ticket,
                () -> new TicketEvent.MessageAdded(
                        ticket.id, TicketMapper.number(ticket.number), ticket.customerId, view));
        Uni<Void> effects = messages.persist(message).replaceWithVoid();
        TicketStatus status = ticket.currentStatus();
        if (message.isPublicAgentReply()) {
            if (ticket.firstResponseAt == null) {
                ticket.firstResponseAt = now;
                ticket.firstResponseSeconds = seconds(ticket.createdAt, now);
                effects = effects.chain(
                                () -> sla.businessSeconds(ticket, ticket.createdAt.toInstant(), now.toInstant()))
                        .invoke(business -> ticket.firstResponseBusinessSeconds =
                                business == null ? ticket.firstResponseSeconds : business)
                        .replaceWithVoid();
            } else if (ticket.awaitingReplySince != null) {
                effects = effects.chain(() -> sla.answered(ticket, now.toInstant()));
            }
            effects = effects.invoke(() -> ticket.awaitingReplySince = null);
            if (status == TicketStatus.NEW) {
                effects = effects.chain(() -> move(ticket, TicketStatus.OPEN, now, changes));
            }
        } else if (message.isPublicRequesterMessage()) {
            if (ticket.firstResponseAt != null && ticket.awaitingReplySince == null) {
                ticket.awaitingReplySince = now;
            }
            if (status == TicketStatus.PENDING || status == TicketStatus.SOLVED) {
                effects = effects.chain(() -> move(ticket, TicketStatus.OPEN, now, changes));
            }
        }
        return effects;
    }

    /**
     * Moves the ticket to {@code to} (staying is no move): records the history, the times and counts that go
     * with solving, reopening and closing, the requester's open tickets, and the events.
     */
    private Uni<Void> move(Ticket ticket, TicketStatus to, OffsetDateTime now, Changes changes) {
        TicketStatus from = ticket.currentStatus();
        if (from == to) {
            return Uni.createFrom().voidItem();
        }
        from.checkMoveTo(to);
        ticket.status = to.wire();
        changes.statusChanged = true;
        Supplier<Object> data = () -> new TicketEvent.StatusChanged(
                ticket.id, TicketMapper.number(ticket.number), ticket.customerId, from.wire(), to.wire());
        changes.add(TicketEvent.STATUS_CHANGED, ticket, data);
        Uni<Void> effects = tickets.recordStatus(ticket.id, from.wire(), to.wire(), now, caller.name());
        int openDelta = (isOpen(to.wire()) ? 1 : 0) - (isOpen(from.wire()) ? 1 : 0);
        if (openDelta != 0) {
            effects = effects.chain(() -> tickets.adjustFacts(ticket.customerId, openDelta, 0, null));
        }
        if (to == TicketStatus.SOLVED) {
            ticket.solvedAt = now;
            ticket.resolutionSeconds = seconds(ticket.createdAt, now);
            changes.add(TicketEvent.SOLVED, ticket, data);
            effects = effects.chain(() -> sla.businessSeconds(ticket, ticket.createdAt.toInstant(), now.toInstant()))
                    .invoke(business ->
                            ticket.resolutionBusinessSeconds = business == null ? ticket.resolutionSeconds : business)
                    .replaceWithVoid();
        } else if (to == TicketStatus.CLOSED) {
            ticket.closedAt = now;
            changes.add(TicketEvent.CLOSED, ticket, data);
        } else if (from == TicketStatus.SOLVED) {
            ticket.reopenCount++;
            ticket.solvedAt = null;
            ticket.resolutionSeconds = null;
            ticket.resolutionBusinessSeconds = null;
            changes.add(TicketEvent.REOPENED, ticket, data);
        }
        return effects;
    }

    private static boolean isOpen(String status) {
        return !TicketStatus.SOLVED.wire().equals(status)
                && !TicketStatus.CLOSED.wire().equals(status);
    }

    private static long seconds(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to).toSeconds();
    }

    private Uni<UUID> append(String type, Ticket ticket, Object data) {
        return events.append(type, TicketEvent.SUBJECT, ticket.id, ticket.partnerId, data);
    }

    private static <T> T found(T ticket, UUID id) {
        if (ticket == null) {
            throw DomainException.notFound("ticket", id);
        }
        return ticket;
    }

    /** The events of one change beyond its main one, and what it did that decides the SLA's refresh. */
    private final class Changes {

        private final PendingEvents pending = events.pending();
        boolean statusChanged;
        TicketMessageView message;

        void add(String type, Ticket ticket, Supplier<Object> data) {
            pending.add(type, TicketEvent.SUBJECT, ticket.id, ticket.partnerId, data);
        }

        Uni<Void> appendAll() {
            return pending.appendAll();
        }
    }
}
