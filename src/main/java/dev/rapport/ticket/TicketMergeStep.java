package dev.rapport.ticket;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerMergeStep;
import dev.rapport.customer.api.MovedRecords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The ticket domain's part of a merge: the merged customer's tickets are the survivor's, and its ticket facts are
 * added to the survivor's (breaches are counted as they happen, not derived).
 */
@ApplicationScoped
class TicketMergeStep implements CustomerMergeStep {

    @Override
    public List<String> customerColumns() {
        return List.of("ticket.customer_id", "ticket_customer_facts.customer_id");
    }

    @Override
    public Uni<List<MovedRecords>> move(UUID mergedId, UUID survivorId) {
        return CustomerMergeStep.reassign("ticket", "customer_id", mergedId, survivorId)
                .chain(tickets -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("""
                                        with m as (delete from ticket_customer_facts where customer_id = :merged returning *)
                                        insert into ticket_customer_facts as f
                                            (customer_id, open_tickets, ticket_count, last_ticket_at, breached_count)
                                        select :survivor, open_tickets, ticket_count, last_ticket_at, breached_count from m
                                        on conflict (customer_id) do update set
                                            open_tickets = f.open_tickets + excluded.open_tickets,
                                            ticket_count = f.ticket_count + excluded.ticket_count,
                                            last_ticket_at = greatest(f.last_ticket_at, excluded.last_ticket_at),
                                            breached_count = f.breached_count + excluded.breached_count
                                        """)
                                .setParameter("merged", mergedId)
                                .setParameter("survivor", survivorId)
                                .executeUpdate())
                        .map(facts -> List.of(tickets, new MovedRecords("ticket_customer_facts", facts))));
    }
}
