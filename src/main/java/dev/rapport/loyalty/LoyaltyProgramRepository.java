package dev.rapport.loyalty;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Programs inside write transactions; callers read them through {@link LoyaltyQueries}. */
@ApplicationScoped
public class LoyaltyProgramRepository implements PanacheRepositoryBase<LoyaltyProgram, UUID> {

    /** How many accounts the program has. */
    public Uni<Long> accountsIn(UUID programId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from loyalty_account where program_id = :id", Long.class)
                        .setParameter("id", programId)
                        .getSingleResult());
    }

    /** The tiers among {@code tiers} that accounts of the program are in. */
    public Uni<java.util.List<String>> tiersInUse(UUID programId, java.util.List<String> tiers) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select distinct tier from loyalty_account where program_id = :id"
                                        + " and tier = any(string_to_array(:tiers, ',')) order by tier",
                                String.class)
                        .setParameter("id", programId)
                        .setParameter("tiers", String.join(",", tiers))
                        .getResultList());
    }
}
