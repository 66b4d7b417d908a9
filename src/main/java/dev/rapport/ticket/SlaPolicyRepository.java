package dev.rapport.ticket;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** SLA policies inside write transactions; callers read them through {@link SlaQueries}. */
@ApplicationScoped
public class SlaPolicyRepository implements PanacheRepositoryBase<SlaPolicy, UUID> {

    /** A policy a caller of {@code scope} may manage, or null. */
    public Uni<SlaPolicy> findVisible(UUID id, String scope) {
        return findById(id).map(p -> p == null || !Caller.mayAccess(scope, p.partnerId) ? null : p);
    }

    /**
     * The policies a ticket of {@code partnerId} is matched against, in the order they are tried: the partner's own
     * (for a partner's ticket) and the in-house ones, by position, then age.
     */
    public Uni<List<SlaPolicy>> forTicketsOf(String partnerId) {
        return partnerId == null
                ? list("partnerId is null order by position, id")
                : list("partnerId is null or partnerId = ?1 order by position, id", partnerId);
    }

    /** Whether any policy counts business time by the calendar. */
    public Uni<Boolean> usesCalendar(UUID calendarId) {
        return count("calendarId", calendarId).map(n -> n > 0);
    }

    /** How many tickets are held to the policy. */
    public Uni<Long> ticketsHeldTo(UUID policyId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from ticket where sla_policy_id = :id", Long.class)
                        .setParameter("id", policyId)
                        .getSingleResult());
    }
}
