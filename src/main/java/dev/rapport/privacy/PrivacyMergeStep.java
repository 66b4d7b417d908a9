package dev.rapport.privacy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerMergeStep;
import dev.rapport.customer.api.MovedRecords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The privacy domain's part of a merge: a hold on the merged customer holds the survivor (unless it has one). Privacy
 * jobs stay with the customer they were asked about, as receipts; a privacy request about the survivor covers the
 * customers merged into it.
 */
@ApplicationScoped
class PrivacyMergeStep implements CustomerMergeStep {

    @Override
    public List<String> customerColumns() {
        return List.of("legal_hold.customer_id", "privacy_job.customer_id");
    }

    @Override
    public Uni<List<MovedRecords>> move(UUID mergedId, UUID survivorId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                with moved as (delete from legal_hold where customer_id = :merged returning *)
                                insert into legal_hold (customer_id, partner_id, reason, reference, placed_by, placed_at)
                                select :survivor, partner_id, reason, reference, placed_by, placed_at from moved
                                on conflict (customer_id) do nothing
                                """)
                        .setParameter("merged", mergedId)
                        .setParameter("survivor", survivorId)
                        .executeUpdate())
                .map(count -> List.of(new MovedRecords("legal_hold", count)));
    }
}
