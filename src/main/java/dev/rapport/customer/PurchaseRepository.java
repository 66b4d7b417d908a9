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
}
