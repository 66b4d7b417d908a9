package dev.rapport.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CreateInteractionRequest;
import dev.rapport.customer.api.CreatePurchaseRequest;
import dev.rapport.customer.api.CreateRefundRequest;
import dev.rapport.customer.api.InteractionView;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.customer.api.RefundView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.money.Amounts;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A customer's purchases and timeline of interactions. */
@ApplicationScoped
public class CustomerActivityService {

    private final CustomerService customers;
    private final PurchaseRepository purchases;
    private final InteractionRepository interactions;
    private final ActivityQueries queries;
    private final CustomerMapper mapper;
    private final EventLog events;
    private final Caller caller;
    private final Clock clock;

    CustomerActivityService(
            CustomerService customers,
            PurchaseRepository purchases,
            InteractionRepository interactions,
            ActivityQueries queries,
            CustomerMapper mapper,
            EventLog events,
            Caller caller,
            Clock clock) {
        this.customers = customers;
        this.purchases = purchases;
        this.interactions = interactions;
        this.queries = queries;
        this.mapper = mapper;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PurchaseView> recordPurchase(UUID customerId, CreatePurchaseRequest request) {
        FieldError wrong = Amounts.check(request.amount(), request.currency(), "amount", "currency");
        if (wrong != null) {
            throw DomainException.invalid(List.of(wrong));
        }
        return customers
                .visible(customerId)
                .chain(customer -> purchases
                        .existsOrderRef(customerId, request.orderRef().trim())
                        .chain(exists -> {
                            if (exists) {
                                throw DomainException.conflict("Order "
                                        + request.orderRef().trim() + " is already recorded for this customer");
                            }
                            OffsetDateTime now = Clocks.now(clock);
                            Purchase purchase = new Purchase();
                            purchase.id = Ids.newId();
                            purchase.customerId = customerId;
                            purchase.orderRef = request.orderRef().trim();
                            purchase.amount = request.amount();
                            purchase.currency = request.currency();
                            purchase.items = mapper.toLines(request.items());
                            purchase.channel = request.channel();
                            purchase.occurredAt =
                                    request.occurredAt() == null ? now : Clocks.micros(request.occurredAt());
                            purchase.createdAt = now;
                            return purchases.persist(purchase).call(purchases::addToFacts);
                        })
                        .chain(purchase -> {
                            PurchaseView view = mapper.toView(purchase);
                            return events.append(
                                            CustomerEvent.PURCHASE_RECORDED,
                                            CustomerEvent.SUBJECT,
                                            customerId,
                                            customer.partnerId,
                                            view)
                                    .replaceWith(view);
                        }));
    }

    /**
     * Refunds a purchase, in full or in part: never more than is left of it (the row is locked, so concurrent refunds
     * add up). The customer's lifetime value drops by the amount; {@code purchase.refunded} tells the other domains
     * (loyalty takes back the points the purchase earned).
     */
    @WithTransaction
    public Uni<RefundView> refund(UUID customerId, UUID purchaseId, CreateRefundRequest request) {
        return customers
                .visible(customerId)
                .chain(customer -> purchases
                        .findById(purchaseId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                        .chain(purchase -> {
                            if (purchase == null || !purchase.customerId.equals(customerId)) {
                                throw DomainException.notFound("purchase", purchaseId);
                            }
                            java.math.BigDecimal left = purchase.amount.subtract(purchase.refundedAmount);
                            if (left.signum() == 0) {
                                throw DomainException.conflict("The purchase is refunded in full already");
                            }
                            java.math.BigDecimal amount = request.amount() == null ? left : request.amount();
                            FieldError wrong = Amounts.check(amount, purchase.currency, "amount", "currency");
                            if (wrong != null) {
                                throw DomainException.invalid(List.of(wrong));
                            }
                            if (amount.compareTo(left) > 0) {
                                throw DomainException.invalid(
                                        "amount",
                                        "must be at most " + Amounts.scaled(left, purchase.currency)
                                                + ", what is left");
                            }
                            OffsetDateTime now = Clocks.now(clock);
                            purchase.refundedAmount = purchase.refundedAmount.add(amount);
                            UUID id = Ids.newId();
                            RefundView view = new RefundView(
                                    id,
                                    purchase.id,
                                    customerId,
                                    Amounts.scaled(amount, purchase.currency),
                                    purchase.currency,
                                    Amounts.scaled(purchase.amount, purchase.currency),
                                    Amounts.scaled(purchase.refundedAmount, purchase.currency),
                                    request.reason(),
                                    now);
                            return purchases
                                    .flush()
                                    .chain(() -> purchases.refund(
                                            id, purchase, amount, request.reason(), caller.name(), now))
                                    .chain(() -> events.append(
                                            CustomerEvent.PURCHASE_REFUNDED,
                                            CustomerEvent.SUBJECT,
                                            customerId,
                                            customer.partnerId,
                                            view))
                                    .replaceWith(view);
                        }));
    }

    /** One page of a customer's purchases, newest first. */
    public Uni<Page<PurchaseView>> purchases(UUID customerId, PageParameters paging) {
        var page = paging.page(ActivityQueries.TIMELINE);
        return customers.requireLive(customerId).chain(() -> queries.purchases(customerId, page));
    }

    @WithTransaction
    public Uni<InteractionView> logInteraction(UUID customerId, CreateInteractionRequest request) {
        return customers.visible(customerId).chain(customer -> {
            OffsetDateTime now = Clocks.now(clock);
            Interaction interaction = new Interaction();
            interaction.id = Ids.newId();
            interaction.customerId = customerId;
            interaction.type = request.type();
            interaction.channel = request.channel();
            interaction.touchpoint = request.touchpoint();
            interaction.summary = request.summary();
            interaction.actor = caller.name();
            interaction.occurredAt = request.occurredAt() == null ? now : Clocks.micros(request.occurredAt());
            interaction.createdAt = now;
            return interactions
                    .persist(interaction)
                    .call(interactions::addToFacts)
                    .chain(saved -> {
                        InteractionView view = mapper.toView(saved);
                        return events.append(
                                        CustomerEvent.INTERACTION_LOGGED,
                                        CustomerEvent.SUBJECT,
                                        customerId,
                                        customer.partnerId,
                                        view)
                                .replaceWith(view);
                    });
        });
    }

    /** One page of a customer's timeline, newest first. */
    public Uni<Page<InteractionView>> interactions(UUID customerId, PageParameters paging) {
        var page = paging.page(ActivityQueries.TIMELINE);
        return customers.requireLive(customerId).chain(() -> queries.interactions(customerId, page));
    }
}
