package dev.rapport.lead;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Scoring and assignment rules inside write transactions; callers read them through {@link LeadRuleQueries}. */
@ApplicationScoped
public class LeadRuleRepository implements PanacheRepositoryBase<LeadRule, UUID> {

    /** A rule of {@code kind} a caller of {@code scope} may manage, or null. */
    public Uni<LeadRule> findVisible(UUID id, String kind, String scope) {
        return findById(id)
                .map(rule -> rule == null || !rule.kind.equals(kind) || !Caller.mayAccess(scope, rule.partnerId)
                        ? null
                        : rule);
    }

    /**
     * The enabled rules of both kinds a lead of {@code partnerId} is held to, in the order they are tried: the
     * partner's own (for a partner's lead) and the in-house ones, by position, then age.
     */
    public Uni<List<LeadRule>> forLeadsOf(String partnerId) {
        return partnerId == null
                ? list("enabled = true and partnerId is null order by position, id")
                : list("enabled = true and (partnerId is null or partnerId = ?1) order by position, id", partnerId);
    }

    /**
     * Takes the rule's next round-robin turn: the pool member whose turn it is. The rule's row stays locked until the
     * transaction ends, so concurrent leads, on any replica, take consecutive turns.
     */
    public Uni<Long> takeTurn(UUID ruleId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update lead_rule set turns = turns + 1 where id = :id returning turns - 1", Long.class)
                        .setParameter("id", ruleId)
                        .getSingleResult());
    }
}
