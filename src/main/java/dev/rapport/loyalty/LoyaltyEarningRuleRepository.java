package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Earning rules inside write transactions and the earning engine's batches. */
@ApplicationScoped
public class LoyaltyEarningRuleRepository implements PanacheRepositoryBase<LoyaltyEarningRule, UUID> {

    /** The program's enabled rules valid at some time of the purchases at hand, oldest first. */
    public Uni<List<LoyaltyEarningRule>> enabledOf(UUID programId, OffsetDateTime from, OffsetDateTime until) {
        return list(
                "programId = ?1 and enabled = true and (validFrom is null or validFrom <= ?3)"
                        + " and (validUntil is null or validUntil > ?2) order by createdAt, id",
                programId,
                from,
                until);
    }
}
