package dev.rapport.customer;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Interactions inside write transactions; callers read them through {@link ActivityQueries}. */
@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    /** Adds an interaction to its customer's facts ({@link CustomerFacts}), in the interaction's transaction. */
    public Uni<Integer> addToFacts(Interaction interaction) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into customer_activity as a
                            (customer_id, interaction_count, interaction_counts, last_interaction_at)
                        values (:customer, 1, jsonb_build_object(cast(:type as text), 1), :at)
                        on conflict (customer_id) do update
                        set interaction_count = a.interaction_count + 1,
                            interaction_counts = a.interaction_counts || jsonb_build_object(cast(:type as text),
                                coalesce(cast(a.interaction_counts ->> cast(:type as text) as int), 0) + 1),
                            last_interaction_at = greatest(a.last_interaction_at, excluded.last_interaction_at)
                        """)
                        .setParameter("customer", interaction.customerId)
                        .setParameter("type", interaction.type.name())
                        .setParameter("at", interaction.occurredAt)
                        .executeUpdate());
    }
}
