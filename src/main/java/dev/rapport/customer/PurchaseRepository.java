package dev.rapport.customer;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Purchases inside write transactions; callers read them through {@link ActivityQueries}. */
@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    /** Whether the customer already has a purchase with this order reference. */
    public Uni<Boolean> existsOrderRef(UUID customerId, String orderRef) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select exists (select 1 from purchase where customer_id = :customer and order_ref = :ref)",
                                Boolean.class)
                        .setParameter("customer", customerId)
                        .setParameter("ref", orderRef)
                        .getSingleResult());
    }

    /** Records a refund (the purchase row must be flushed). */
    public Uni<Integer> refund(
            UUID id,
            Purchase purchase,
            java.math.BigDecimal amount,
            String reason,
            String actor,
            java.time.OffsetDateTime at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into purchase_refund (id, purchase_id, amount, reason, actor, created_at)
                        values (:id, :purchase, :amount, :reason, :actor, :at)
                        """)
                        .setParameter("id", id)
                        .setParameter("purchase", purchase.id)
                        .setParameter("amount", amount)
                        .setParameter("reason", reason)
                        .setParameter("actor", actor)
                        .setParameter("at", at)
                        .executeUpdate())
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("""
                        update customer_activity as a
                        set lifetime_values = a.lifetime_values || jsonb_build_object(cast(:currency as text),
                            coalesce(cast(a.lifetime_values ->> cast(:currency as text) as numeric), 0)
                            - cast(:amount as numeric))
                        where a.customer_id = :customer
                        """)
                        .setParameter("customer", purchase.customerId)
                        .setParameter("currency", purchase.currency)
                        .setParameter("amount", amount)
                        .executeUpdate());
    }

    /** Adds a purchase to its customer's facts ({@link CustomerFacts}), in the purchase's transaction. */
    public Uni<Integer> addToFacts(Purchase purchase) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into customer_activity as a
                            (customer_id, purchase_count, lifetime_values, first_purchase_at, last_purchase_at)
                        values (:customer, 1, jsonb_build_object(cast(:currency as text), cast(:amount as numeric)),
                                :at, :at)
                        on conflict (customer_id) do update
                        set purchase_count = a.purchase_count + 1,
                            lifetime_values = a.lifetime_values || jsonb_build_object(cast(:currency as text),
                                coalesce(cast(a.lifetime_values ->> cast(:currency as text) as numeric), 0)
                                + cast(:amount as numeric)),
                            first_purchase_at = least(a.first_purchase_at, excluded.first_purchase_at),
                            last_purchase_at = greatest(a.last_purchase_at, excluded.last_purchase_at)
                        """)
                        .setParameter("customer", purchase.customerId)
                        .setParameter("currency", purchase.currency)
                        .setParameter("amount", purchase.amount)
                        .setParameter("at", purchase.occurredAt)
                        .executeUpdate());
    }
}
