package dev.rapport.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CreateInteractionRequest;
import dev.rapport.customer.api.CreatePurchaseRequest;
import dev.rapport.customer.api.InteractionView;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/** A customer's purchases and timeline of interactions. */
@ApplicationScoped
public class CustomerActivityService {

    private final CustomerService customers;
    private final PurchaseRepository purchases;
    private final InteractionRepository interactions;
    private final CustomerMapper mapper;
    private final EventLog events;
    private final Caller caller;

    CustomerActivityService(CustomerService customers, PurchaseRepository purchases,
            InteractionRepository interactions, CustomerMapper mapper, EventLog events, Caller caller) {
        this.customers = customers;
        this.purchases = purchases;
        this.interactions = interactions;
        this.mapper = mapper;
        this.events = events;
        this.caller = caller;
    }

    @WithTransaction
    public Uni<PurchaseView> recordPurchase(UUID customerId, CreatePurchaseRequest request) {
        int digits = Amounts.fractionDigits(request.currency());
        if (digits < 0) {
            throw DomainException.invalid("currency", "'" + request.currency() + "' is not an ISO 4217 currency");
        }
        if (request.amount().stripTrailingZeros().scale() > digits) {
            throw DomainException.invalid("amount", request.currency() + " amounts have at most " + digits
                    + " decimal places");
        }
        return requireLive(customerId).chain(customer -> purchases
                .existsOrderRef(customerId, request.orderRef().trim())
                .chain(exists -> {
                    if (exists) {
                        throw DomainException.conflict("Order " + request.orderRef().trim()
                                + " is already recorded for this customer");
                    }
                    OffsetDateTime now = CustomerService.now();
                    Purchase purchase = new Purchase();
                    purchase.id = Ids.newId();
                    purchase.customerId = customerId;
                    purchase.orderRef = request.orderRef().trim();
                    purchase.amount = request.amount();
                    purchase.currency = request.currency();
                    purchase.items = new Purchase.Lines(request.items());
                    purchase.channel = request.channel();
                    purchase.occurredAt = request.occurredAt() == null ? now : CustomerService.micros(request.occurredAt());
                    purchase.createdAt = now;
                    return purchases.persist(purchase);
                })
                .chain(purchase -> {
                    PurchaseView view = mapper.toView(purchase);
                    return events.append(CustomerEvent.PURCHASE_RECORDED, CustomerEvent.SUBJECT, customerId,
                            customer.partnerId, view).replaceWith(view);
                }));
    }

    @WithSession
    public Uni<Page<PurchaseView>> purchases(UUID customerId, PageRequest page) {
        return requireLive(customerId)
                .chain(() -> purchases.page(customerId, page))
                .map(rows -> Page.of(rows, page.limit(), p -> cursor(page, p.occurredAt, p.id)).map(mapper::toView));
    }

    @WithTransaction
    public Uni<InteractionView> logInteraction(UUID customerId, CreateInteractionRequest request) {
        return requireLive(customerId).chain(customer -> {
            OffsetDateTime now = CustomerService.now();
            Interaction interaction = new Interaction();
            interaction.id = Ids.newId();
            interaction.customerId = customerId;
            interaction.type = request.type();
            interaction.channel = request.channel();
            interaction.touchpoint = request.touchpoint();
            interaction.summary = request.summary();
            interaction.actor = caller.name();
            interaction.occurredAt = request.occurredAt() == null ? now : CustomerService.micros(request.occurredAt());
            interaction.createdAt = now;
            return interactions.persist(interaction).chain(saved -> {
                InteractionView view = mapper.toView(saved);
                return events.append(CustomerEvent.INTERACTION_LOGGED, CustomerEvent.SUBJECT, customerId,
                        customer.partnerId, view).replaceWith(view);
            });
        });
    }

    @WithSession
    public Uni<Page<InteractionView>> interactions(UUID customerId, PageRequest page) {
        return requireLive(customerId)
                .chain(() -> interactions.page(customerId, page))
                .map(rows -> Page.of(rows, page.limit(), i -> cursor(page, i.occurredAt, i.id)).map(mapper::toView));
    }

    /** Purchases and interactions are listed newest first, the order of a timeline. */
    public static final Sort TIMELINE = new Sort(new Sort.SortField("occurredAt", "occurred_at", Sort.Kind.TIMESTAMP), true);

    private Uni<Customer> requireLive(UUID customerId) {
        return customers.visible(customerId, false);
    }

    private static String cursor(PageRequest page, OffsetDateTime at, UUID id) {
        return new Cursor(page.sort().toString(), at.toString(), id).encode();
    }
}
