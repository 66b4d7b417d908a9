package dev.rapport.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.CustomerService;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.privacy.api.LegalHoldRequest;
import dev.rapport.privacy.api.LegalHoldView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Legal holds: while one stands on a customer, its personal data is not erased. Placing (or changing) and lifting
 * one appends its event, and so its audit entry.
 */
@ApplicationScoped
public class LegalHoldService {

    private final LegalHoldQueries queries;
    private final CustomerService customers;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    LegalHoldService(
            LegalHoldQueries queries,
            CustomerService customers,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.queries = queries;
        this.customers = customers;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    /** The hold on a live customer the caller may see; not found when there is none. */
    public Uni<LegalHoldView> get(UUID customerId) {
        return customer(customerId).chain(customer -> queries.find(customerId)).map(hold -> {
            if (hold == null) {
                throw DomainException.notFound("legal hold on customer", customerId);
            }
            return hold;
        });
    }

    /** Whether a customer's personal data is held (the check before erasing it). */
    public Uni<Boolean> isHeld(UUID customerId) {
        return queries.find(customerId).map(hold -> hold != null);
    }

    /** Places a hold, or changes the reason of the one that stands. */
    @WithTransaction
    public Uni<LegalHoldView> place(UUID customerId, LegalHoldRequest request) {
        patches.validate(request);
        OffsetDateTime now = Clocks.now(clock);
        LegalHoldView hold =
                new LegalHoldView(customerId, request.reason().strip(), request.reference(), caller.name(), now);
        return customer(customerId)
                .chain(customer -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("""
                                        insert into legal_hold (customer_id, partner_id, reason, reference, placed_by, placed_at)
                                        values (:customer, :partner, :reason, :reference, :by, :at)
                                        on conflict (customer_id) do update set reason = excluded.reason,
                                            reference = excluded.reference, placed_by = excluded.placed_by,
                                            placed_at = excluded.placed_at
                                        """)
                                .setParameter("customer", customerId)
                                .setParameter("partner", customer.partnerId())
                                .setParameter("reason", hold.reason())
                                .setParameter("reference", hold.reference())
                                .setParameter("by", hold.placedBy())
                                .setParameter("at", now)
                                .executeUpdate())
                        .chain(() -> events.append(
                                PrivacyEvent.LEGAL_HOLD_PLACED,
                                PrivacyEvent.SUBJECT,
                                customerId,
                                customer.partnerId(),
                                hold)))
                .replaceWith(hold);
    }

    /** Lifts the hold; not found when there is none. */
    @WithTransaction
    public Uni<Void> lift(UUID customerId) {
        return customer(customerId)
                .chain(customer -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "delete from legal_hold where customer_id = :customer")
                                .setParameter("customer", customerId)
                                .executeUpdate())
                        .chain(deleted -> {
                            if (deleted == 0) {
                                throw DomainException.notFound("legal hold on customer", customerId);
                            }
                            return events.append(
                                    PrivacyEvent.LEGAL_HOLD_LIFTED,
                                    PrivacyEvent.SUBJECT,
                                    customerId,
                                    customer.partnerId(),
                                    new PrivacyEvent.Lifted(customerId));
                        })
                        .replaceWithVoid());
    }

    /** The live customer the caller may see, or not found. */
    private Uni<CustomerView> customer(UUID customerId) {
        return customers.find(List.of(customerId)).map(found -> {
            CustomerView customer = found.get(customerId);
            if (customer == null) {
                throw DomainException.notFound("customer", customerId);
            }
            return customer;
        });
    }
}
